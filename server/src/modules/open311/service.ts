// Open311 GeoReport v2 over the reports module: services are the report categories,
// requests are reports. A request filed here is the same report as one filed in the app.
import { OPEN_REPORT_STATUSES, REPORT_STATUSES } from '@cds/contracts';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Platform } from '../../platform/module.ts';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import type { AreasApi } from '../areas/index.ts';
import type { CategoryView, ListFilter, ReportRecord, ReportsApi, ReportStatus } from '../reports/index.ts';
import { isOpen } from '../reports/index.ts';
import { bad, missing, notFound311, Open311Error } from './errors.ts';
import type { Format, Row } from './format.ts';
import { w3c } from './format.ts';
import * as repo from './repo.ts';

export const DEMO_KEY = 'demo-open311-key';
const MAX_SPAN_DAYS = 90;
const DEFAULT_LIMIT = 1000;
const OPEN_STATUSES = [...OPEN_REPORT_STATUSES];
const CLOSED_STATUSES = REPORT_STATUSES.filter((s) => !OPEN_REPORT_STATUSES.includes(s));

export type Params = Record<string, string | string[] | undefined>;

/** An empty parameter counts as absent (spec). */
export function param(p: Params, name: string): string | undefined {
  const v = p[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

function parseDate(p: Params, name: string): Date | undefined {
  const s = param(p, name);
  if (s === undefined) return undefined;
  const d = new Date(s);
  if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(d.getTime())) throw bad(`${name} must be a W3C datetime, e.g. 2026-11-22T09:30:00+07:00`);
  return d;
}

function parseInt10(p: Params, name: string, min: number, max: number): number | undefined {
  const s = param(p, name);
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) throw bad(`${name} must be a whole number from ${min} to ${max}`);
  return Number(s);
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export class Open311Service {
  constructor(
    private readonly platform: Platform,
    private readonly reports: ReportsApi,
    private readonly areas: Pick<AreasApi, 'geocodeCommune'>,
  ) {}

  private get base(): string {
    return this.platform.config.publicUrl.replace(/\/$/, '');
  }

  discovery(format: Format): Row {
    const endpoint = {
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${this.base}/open311/v2`,
      changeset: '2026-11-22T00:00:00+07:00',
      type: this.platform.config.demoMode ? 'test' : 'production',
    };
    const formats = ['text/xml', 'application/json'];
    return {
      changeset: '2026-11-22T00:00:00+07:00',
      contact: `${this.platform.pack.brand.appName} — hotline ${this.platform.pack.hotline}`,
      key_service: `${this.base}/open311/keys (liên hệ quản trị viên để được cấp khóa)`,
      endpoints: format === 'json' ? [{ ...endpoint, formats }] : ({ endpoint: { ...endpoint, formats: { format: formats } } } as Row),
    };
  }

  // ------------------------------------------------------------ services

  private async leaves(): Promise<{ leaf: CategoryView; group: string }[]> {
    const all = await this.reports.categories();
    const byCode = new Map(all.map((c) => [c.code, c]));
    const parents = new Set(all.map((c) => c.parentCode).filter(Boolean));
    return all.filter((c) => !parents.has(c.code)).map((leaf) => ({ leaf, group: leaf.parentCode ? byCode.get(leaf.parentCode)?.name ?? '' : '' }));
  }

  async services(): Promise<Row[]> {
    return (await this.leaves()).map(({ leaf, group }) => ({
      service_code: leaf.code,
      service_name: leaf.name,
      description: leaf.description || leaf.name,
      metadata: leaf.questions.length > 0,
      type: 'realtime',
      keywords: leaf.keywords,
      group,
    }));
  }

  async definition(code: string, format: Format): Promise<Row> {
    const cat = (await this.leaves()).find((l) => l.leaf.code === code)?.leaf;
    if (!cat) throw notFound311(`service_code ${code} not found`);
    const attributes = cat.questions.map((q, i) => {
      const values = (q.values ?? []).map((v) => ({ key: v.key, name: v.name }));
      return {
        variable: true,
        code: q.code,
        datatype: q.datatype,
        required: q.required,
        datatype_description: q.datatype === 'number' ? 'Một số, ví dụ 2.5' : '',
        order: i + 1,
        description: q.label,
        values: format === 'json' ? values : ({ value: values } as Row),
      } as Row;
    });
    return { service_code: cat.code, attributes: format === 'json' ? attributes : ({ attribute: attributes } as Row) };
  }

  // ------------------------------------------------------------ filing

  async checkKey(key: string | undefined): Promise<void> {
    if (!key) throw new Open311Error(403, 'api_key is required');
    if (this.platform.config.demoMode && key.length === DEMO_KEY.length && timingSafeEqual(Buffer.from(key), Buffer.from(DEMO_KEY))) return;
    if (!(await repo.keyIsActive(this.platform.db.kysely, hashKey(key)))) throw new Open311Error(403, 'api_key is not valid');
  }

  async create(p: Params): Promise<Row[]> {
    await this.checkKey(param(p, 'api_key'));
    const code = param(p, 'service_code');
    if (!code) throw missing('service_code');
    const cat = (await this.leaves()).find((l) => l.leaf.code === code)?.leaf;
    if (!cat) throw bad(`service_code ${code} not found`);
    const place = this.placeOf(p);
    const description = param(p, 'description');
    if (description && description.length > 4000) throw bad('description must be at most 4000 characters');
    const email = param(p, 'email');
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw bad('email is not a valid address');
    const contact = {
      email, firstName: param(p, 'first_name'), lastName: param(p, 'last_name'), phone: param(p, 'phone'),
      deviceId: param(p, 'device_id'), accountId: param(p, 'account_id'),
    };
    try {
      const { report } = await this.reports.create(null, {
        categoryCode: code,
        description: description ?? cat.name,
        ...place.location,
        address: param(p, 'address_string')?.slice(0, 300),
        answers: attributesFrom(p),
        contact: Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined)),
      }, { source: 'open311' });
      return [{ service_request_id: report.tracking_code, token: report.id, service_notice: place.notice, account_id: contact.accountId ?? null }];
    } catch (err) {
      throw toOpen311(err);
    }
  }

  /** lat+long, else the commune an address_string names (filed at its centre, so approximate). */
  private placeOf(p: Params): { location: { lat: number; lon: number } | { communeCode: string }; notice: string } {
    const lat = param(p, 'lat');
    const lon = param(p, 'long');
    if (lat !== undefined || lon !== undefined) {
      if (lat === undefined || lon === undefined) throw missing(lat === undefined ? 'lat' : 'long');
      const latN = Number(lat);
      const lonN = Number(lon);
      if (!Number.isFinite(latN) || Math.abs(latN) > 90) throw bad('lat must be a number from -90 to 90');
      if (!Number.isFinite(lonN) || Math.abs(lonN) > 180) throw bad('long must be a number from -180 to 180');
      return { location: { lat: latN, lon: lonN }, notice: '' };
    }
    const address = param(p, 'address_string');
    if (!address) {
      if (param(p, 'address_id')) throw bad('address_id is not supported here: send lat and long, or address_string naming the commune or ward');
      throw missing('lat and long, or address_string,');
    }
    if (address.length > 300) throw bad('address_string must be at most 300 characters');
    const found = this.areas.geocodeCommune(address, this.platform.pack.provinceCode);
    if (found.length === 0) throw bad(`address_string: no commune or ward of ${this.platform.pack.provinceName} found in the address; write its name, e.g. "phường ..." or "xã ...", or send lat and long`);
    if (found.length > 1) throw bad(`address_string: the address names several communes or wards (${found.map((c) => c.name).join(', ')}); write only one, or send lat and long`);
    const commune = found[0]!;
    return {
      location: { communeCode: commune.code },
      notice: `Vị trí gần đúng: đặt ở giữa ${commune.name} theo địa chỉ đã gửi (approximate location: centre of ${commune.name}, from address_string)`,
    };
  }

  async token(token: string): Promise<Row[]> {
    if (!/^[0-9a-f-]{36}$/i.test(token)) throw notFound311(`token ${token} not found`);
    const r = await this.reports.find(token);
    if (!r || r.source !== 'open311') throw notFound311(`token ${token} not found`);
    return [{ service_request_id: r.tracking_code, token }];
  }

  // ------------------------------------------------------------ reading

  async requests(p: Params): Promise<Row[]> {
    const ids = param(p, 'service_request_id');
    const extensions = param(p, 'extensions') === 'true';
    if (ids) {
      const list = ids.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean).slice(0, 1000);
      const { items } = await this.reports.list({ ids: list }, { sort: 'newest', limit: 1000, offset: 0 });
      return this.rows(items, extensions);
    }
    const filter: ListFilter = {};
    const code = param(p, 'service_code');
    if (code) filter.category = code;
    const status = param(p, 'status');
    if (status) {
      const wanted = status.split(',').map((s) => s.trim());
      if (!wanted.every((s) => s === 'open' || s === 'closed')) throw bad('status must be open or closed');
      filter.status = [...(wanted.includes('open') ? OPEN_STATUSES : []), ...(wanted.includes('closed') ? CLOSED_STATUSES : [])];
    }
    let start = parseDate(p, 'start_date');
    let end = parseDate(p, 'end_date');
    if (start && end && start > end) throw bad('start_date must be before end_date');
    if (start && end && end.getTime() - start.getTime() > MAX_SPAN_DAYS * 86_400_000) throw bad(`start_date and end_date may be at most ${MAX_SPAN_DAYS} days apart`);
    if (!start && !end) start = new Date(Date.now() - MAX_SPAN_DAYS * 86_400_000);
    else if (start && !end) end = new Date(start.getTime() + MAX_SPAN_DAYS * 86_400_000);
    else if (!start && end) start = new Date(end.getTime() - MAX_SPAN_DAYS * 86_400_000);
    const updatedAfter = parseDate(p, 'updated_after');
    const updatedBefore = parseDate(p, 'updated_before');
    const pageSize = parseInt10(p, 'page_size', 1, DEFAULT_LIMIT) ?? DEFAULT_LIMIT;
    const page = parseInt10(p, 'page', 1, 100_000) ?? 1;
    const { items } = await this.reports.list(
      { ...filter, updatedAfter, updatedBefore, receivedFrom: start, receivedTo: end },
      { sort: 'newest', limit: pageSize, offset: (page - 1) * pageSize },
    );
    return this.rows(items, extensions);
  }

  async request(id: string, extensions: boolean): Promise<Row[]> {
    const r = await this.reports.find(id);
    if (!r || r.hidden || r.merged_into) throw notFound311(`service_request_id ${id} not found`);
    return this.rows([r], extensions);
  }

  async updates(p: Params): Promise<Row[]> {
    const after = parseDate(p, 'updated_after') ?? parseDate(p, 'start_date');
    const before = parseDate(p, 'updated_before') ?? parseDate(p, 'end_date');
    const pageSize = parseInt10(p, 'page_size', 1, DEFAULT_LIMIT) ?? DEFAULT_LIMIT;
    const page = parseInt10(p, 'page', 1, 100_000) ?? 1;
    const events = await this.reports.eventsFeed({ after, before, limit: pageSize, offset: (page - 1) * pageSize });
    return events.map((e) => ({
      update_id: String(e.id),
      service_request_id: e.tracking_code,
      status: e.to_status ? (isOpen(e.to_status as ReportStatus) ? 'open' : 'closed') : 'open',
      updated_datetime: w3c(e.at),
      description: e.body ?? (e.to_status ? this.reports.statusLabel(e.to_status as ReportStatus) : e.kind),
      media_url: null,
    }));
  }

  private async rows(items: ReportRecord[], extensions: boolean): Promise<Row[]> {
    const events = await this.reports.publicEvents(items.map((r) => r.id));
    const out: Row[] = [];
    for (const r of items) {
      const mine = events.filter((e) => e.report_id === r.id);
      const lastNote = [...mine].reverse().find((e) => e.body)?.body ?? null;
      const photos = await this.reports.photoUrls(r.id);
      const row: Row = {
        service_request_id: r.tracking_code,
        status: isOpen(r.status) ? 'open' : 'closed',
        status_notes: r.status === 'rejected' ? r.reject_reason : r.public_answer ?? lastNote,
        service_name: await this.reports.categoryName(r.category_code),
        service_code: r.category_code,
        description: r.description,
        agency_responsible: await this.reports.agencyName(r.agency_id),
        service_notice: this.reports.statusLabel(r.status),
        requested_datetime: w3c(r.received_at),
        updated_datetime: w3c(r.updated_at),
        expected_datetime: `${r.due_date}T23:59:59+07:00`,
        address: r.address ?? '',
        address_id: '',
        zipcode: '',
        lat: r.lat,
        long: r.lon,
        media_url: photos[0] ? `${this.base}${photos[0]}` : '',
      };
      if (extensions) {
        row.notes = mine.map((e) => ({ datetime: w3c(e.at), description: e.body ?? this.reports.statusLabel((e.to_status ?? r.status) as ReportStatus), type: e.to_status ? 'status_change' : 'note' }));
      }
      out.push(row);
    }
    return out;
  }
}

/** `attribute[code]=v` and `attribute[code][]=v` (multi-value) into answers. */
export function attributesFrom(p: Params): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(p)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!m || value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
    if (values.length === 0) continue;
    out[m[1]!] = m[2] ? values : values.length > 1 ? values : values[0]!;
  }
  return out;
}

/** The reports module's errors, in the spec's words (English, for machines and developers). */
function toOpen311(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  const details = Array.isArray(err.details) ? err.details : [];
  const first = details[0] as { field: string; message: string; params?: Record<string, string | number> } | undefined;
  if (err.status >= 500) return err;
  if (err.status === 404) return new Open311Error(404, translate('en', err.code, err.params));
  if (first) {
    const field = first.field.replace(/^answers\./, 'attribute[').replace(/^(attribute\[[^\]]+)$/, '$1]').replace(/^categoryCode$/, 'service_code').replace(/^location$/, 'lat/long');
    return new Open311Error(400, `${field}: ${translate('en', first.message, { ...err.params, ...(first.params ?? {}) })}`);
  }
  return new Open311Error(400, translate('en', err.code, err.params));
}
