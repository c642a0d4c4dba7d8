// The assistant's rules: one turn of conversation (understand, fill the form's slots,
// answer from the catalogue and the other modules' records, log the question), ratings,
// and the staff's lists and answers. Facts come from the modules that own them at the
// moment of the question; the assistant keeps no copy of them.
import type { Principal } from '../../platform/auth.ts';
import { foldVietnamese } from '@cds/contracts';
import type { AssistantQuestionFilter } from '@cds/contracts/assistant.rules';
import type { AssistantLink, AssistantReply, AssistantSource, Faq, FaqInput, MessageReply, QuestionGroup } from '@cds/contracts/assistant';
import { forbidden, notFound } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import type { AreasApi } from '../areas/index.ts';
import type { DossiersApi } from '../dossiers/index.ts';
import type { Procedure, ProceduresApi } from '../procedures/index.ts';
import type { ReportsApi } from '../reports/index.ts';
import { INTENT_LINKS, maskForLog, type Aspect } from './intents.ts';
import type { Matcher } from './matcher.ts';
import * as repo from './repo.ts';
import type { ConversationState, FaqRow } from './repo.ts';
import { buildMatcher, understand, type Known, type Understanding } from './understand.ts';
import type { Rephraser } from './llm.ts';
import type { AlertsApi } from '../alerts/index.ts';
import type { NewsApi } from '../news/index.ts';
import type { PaymentsApi } from '../payments/index.ts';

/** A conversation is remembered this long after its last turn. */
export const CONVERSATION_TTL_MS = 30 * 60 * 1000;

export interface AssistantPorts {
  procedures: Pick<ProceduresApi, 'allProcedures' | 'getProcedure'>;
  dossiers: Pick<DossiersApi, 'track' | 'mine'>;
  reports: Pick<ReportsApi, 'find' | 'statusLabel' | 'categoryName'>;
  areas: Pick<AreasApi, 'agencyForCommune' | 'listAgencies'>;
  payments: Pick<PaymentsApi, 'latestOf'>;
  alerts: Pick<AlertsApi, 'inForce'>;
  news: Pick<NewsApi, 'latest'>;
  /** The signed-in person's home commune (for "where is my commune's office"). */
  homeCommune(userId: string): Promise<string | null>;
  rephraser: Rephraser | null;
}

/** ISO day (YYYY-MM-DD) as dd/MM/yyyy, the way dates are written in Vietnam. */
const viDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

type Draft = { text: string; intent: AssistantReply['intent']; links: AssistantLink[]; suggestions: string[]; sources: AssistantSource[]; answered: boolean; score: number };

export class AssistantService {
  private matcher: Matcher<Known> | null = null;
  private building: Promise<Matcher<Known>> | null = null;

  constructor(private readonly platform: Platform, private readonly ports: AssistantPorts, private readonly now: () => Date = () => new Date()) {}

  private get db() {
    return this.platform.db.kysely;
  }

  /** The matcher over the catalogue and the staff answers, built once and again after either changes. */
  async index(): Promise<Matcher<Known>> {
    if (this.matcher) return this.matcher;
    this.building ??= (async () => {
      const [procedures, faqs] = await Promise.all([this.ports.procedures.allProcedures(), repo.listFaqs(this.db)]);
      const m = buildMatcher(procedures, faqs.map((f) => ({ id: f.id, question: f.question, phrasings: f.phrasings })));
      this.matcher = m;
      this.building = null;
      return m;
    })();
    return this.building;
  }

  /** Forget the index: the catalogue or the staff answers changed. */
  invalidate(): void {
    this.matcher = null;
  }

  async message(principal: Principal | null, input: { conversationId?: string; text: string }, locale: Locale): Promise<MessageReply> {
    const now = this.now();
    const expires = new Date(now.getTime() + CONVERSATION_TTL_MS);
    let conversation = input.conversationId ? await repo.findConversation(this.db, input.conversationId, now) : undefined;
    // another person's conversation, or a signed-in one continued signed out, starts afresh
    if (conversation && conversation.user_id !== (principal?.userId ?? null)) conversation = undefined;
    conversation ??= await repo.createConversation(this.db, principal?.userId ?? null, expires);
    const state: ConversationState = { ...conversation.state };

    const matcher = await this.index();
    const u = understand(matcher, this.pickOption(input.text, state));
    const draft = await this.answer(principal, u, state, locale);
    const reply = await this.rephrase(draft, locale);

    await repo.saveConversation(this.db, conversation.id, state, expires);
    const turnId = await repo.insertTurn(this.db, {
      conversationId: conversation.id, question: maskForLog(input.text.trim()).slice(0, 500), questionKey: questionKey(input.text),
      intent: draft.intent, answered: draft.answered, score: draft.score,
    });
    return { conversationId: conversation.id, turnId, reply };
  }

  /** "1" or "2" after a clarifying question picks that option. */
  private pickOption(text: string, state: ConversationState): string {
    const options = state.options;
    delete state.options;
    const n = /^\s*(1|2)\s*$/.exec(text)?.[1];
    return options && n ? (options[Number(n) - 1] ?? text) : text;
  }

  private async answer(principal: Principal | null, u: Understanding, state: ConversationState, locale: Locale): Promise<Draft> {
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
    // an open form takes what it waits for, whatever else the message seems to say
    if (state.form === 'dossier_status' && (u.entities.dossierCode || u.entities.phone)) return this.dossierStatus(principal, u, state, locale);
    if (state.form === 'report_status' && u.entities.reportCode) return this.reportStatus(u, state, locale);

    if (u.onlyAspects) {
      const p = state.procedureId ? await this.ports.procedures.getProcedure(state.procedureId) : null;
      if (p) return this.procedureAnswer(p, u.aspects, state, locale, 1);
      return this.draft(t('assistant.proc.ask_which'), 'clarify', [], this.startSuggestions(locale), [], false, 0);
    }
    const d = u.decision;
    // a question about something else closes an open form (its slots are forgotten)
    const next = d.kind === 'answer' && d.top.payload.kind === 'intent' ? d.top.payload.intent : null;
    if (state.form && next !== state.form) {
      delete state.form;
      delete state.dossierCode;
      delete state.phone;
    }
    if (d.kind === 'clarify') {
      const [a, b] = d.options.map((o) => titleOf(o.payload, locale));
      state.options = [a!, b!];
      return this.draft(t('assistant.clarify', { a: a!, b: b! }), 'clarify', [], [a!, b!], [], true, d.options[0].score);
    }
    if (d.kind === 'unknown') return this.unknown(locale, d.best?.score ?? 0);
    const k = d.top.payload;
    if (k.kind === 'procedure') {
      const p = await this.ports.procedures.getProcedure(k.id);
      if (!p) return this.unknown(locale, d.top.score);
      return this.procedureAnswer(p, u.aspects, state, locale, d.top.score);
    }
    if (k.kind === 'faq') {
      const f = await repo.findFaq(this.db, k.id);
      if (!f) return this.unknown(locale, d.top.score);
      return this.faqAnswer(f, d.top.score);
    }
    switch (k.intent) {
      case 'dossier_status': return this.dossierStatus(principal, u, state, locale);
      case 'report_status': return this.reportStatus(u, state, locale);
      case 'agency': return this.agency(principal, locale, d.top.score);
      case 'payments': return this.payments(principal, locale, d.top.score);
      case 'alerts': return this.alerts(principal, locale, d.top.score);
      case 'news': return this.news(principal, locale, d.top.score);
      default: return this.simple(k.intent, locale, d.top.score);
    }
  }

  private draft(text: string, intent: Draft['intent'], links: AssistantLink[], suggestions: string[], sources: AssistantSource[], answered: boolean, score: number): Draft {
    return { text, intent, links, suggestions, sources, answered, score };
  }

  private startSuggestions(locale: Locale): string[] {
    return ['assistant.suggest.birth', 'assistant.suggest.cccd', 'assistant.suggest.dossier', 'assistant.suggest.hotline'].map((k) => translate(locale, k));
  }

  private intentLinks(intent: Draft['intent'], locale: Locale): AssistantLink[] {
    return (INTENT_LINKS[intent] ?? []).map((l) => ({ title: translate(locale, l.titleKey), href: l.href }));
  }

  private unknown(locale: Locale, score: number): Draft {
    const hotline = this.platform.pack.hotline;
    return this.draft(translate(locale, 'assistant.unknown', { hotline }), 'unknown', [
      { title: translate(locale, 'assistant.link.file_report'), href: '/reports/new' },
      { title: translate(locale, 'assistant.link.hotline', { hotline }), href: `tel:${hotline}` },
      { title: translate(locale, 'assistant.link.procedures'), href: '/procedures' },
    ], this.startSuggestions(locale), [], false, score);
  }

  private simple(intent: Draft['intent'], locale: Locale, score: number): Draft {
    const pack = this.platform.pack;
    const text = translate(locale, `assistant.${intent}`, { app: pack.brand.appName, hotline: pack.hotline, province: pack.provinceName });
    const suggestions = intent === 'greeting' || intent === 'thanks' ? this.startSuggestions(locale) : [];
    const links = this.intentLinks(intent, locale);
    if (intent === 'hotline') links.unshift({ title: translate(locale, 'assistant.link.hotline', { hotline: pack.hotline }), href: `tel:${pack.hotline}` });
    return this.draft(text, intent, links, suggestions, [{ kind: 'guide', id: intent, title: translate(locale, `assistant.link.${INTENT_LINKS[intent]?.[0]?.titleKey.split('.').pop() ?? 'procedures'}`) }], true, score);
  }

  private faqAnswer(f: FaqRow, score: number): Draft {
    const links = f.link_href ? [{ title: f.link_title ?? f.question, href: f.link_href }] : [];
    return this.draft(f.answer, 'faq', links, [], [{ kind: 'faq', id: f.id, title: f.question }], true, score);
  }

  /** A procedure from the catalogue as it is now: the aspects asked, or a short overview. */
  private procedureAnswer(p: Procedure, aspects: Aspect[], state: ConversationState, locale: Locale, score: number): Draft {
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
    state.procedureId = p.id;
    const asked: Aspect[] = aspects.length ? aspects : ['papers', 'fee', 'time', 'where', 'online'];
    const lines = [t('assistant.proc.intro', { name: p.name })];
    for (const a of asked) {
      if (a === 'papers') {
        const docs = p.requiredDocuments.map((d) => (!d.required ? t('assistant.proc.optional', { name: d.name }) : d.originals === 0 && d.copies > 0 ? t('assistant.proc.copies', { name: d.name, count: d.copies }) : d.name));
        lines.push(docs.length ? t('assistant.proc.papers', { list: docs.join('; ') }) : t('assistant.proc.papers_none'));
      } else if (a === 'fee') lines.push(t('assistant.proc.fee', { fee: [p.feeSummary, ...p.fees.filter((f) => f.note).map((f) => f.note)].join(' — ') }));
      else if (a === 'time') lines.push(p.processingNote ? t('assistant.proc.time_note', { note: p.processingNote }) : t('assistant.proc.time_days', { days: p.processingDays }));
      else if (a === 'where') lines.push(t('assistant.proc.where', { agency: p.agencyLabel }));
      else lines.push(p.online && !p.externalUrl ? t('assistant.proc.online_here') : p.externalUrl ? t('assistant.proc.online_portal', { url: p.externalUrl }) : t('assistant.proc.online_no'));
    }
    const links: AssistantLink[] = [{ title: t('assistant.link.procedure'), href: `/procedures/${p.id}` }];
    if (p.online && !p.externalUrl) links.unshift({ title: t('assistant.link.apply'), href: `/dossiers/apply/${p.id}` });
    else if (p.externalUrl) links.push({ title: t('assistant.link.portal'), href: p.externalUrl });
    const suggestions = (['papers', 'fee', 'time', 'where', 'online'] as const).filter((a) => !asked.includes(a) || aspects.length === 0).slice(0, 4).map((a) => t(`assistant.suggest.${a}`));
    return this.draft(lines.join('\n'), 'procedure', links, aspects.length ? suggestions : [t('assistant.suggest.dossier')], [{ kind: 'procedure', id: p.id, title: p.name }], true, score);
  }

  /**
   * The dossier-status form: signed in, their own dossiers (by code, or the latest); signed
   * out, or a code that is not theirs, the code and the applicant's phone as public tracking
   * asks, so nobody learns of another person's dossier.
   */
  private async dossierStatus(principal: Principal | null, u: Understanding, state: ConversationState, locale: Locale): Promise<Draft> {
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
    const score = u.decision.kind === 'answer' ? u.decision.top.score : 1;
    state.form = 'dossier_status';
    if (u.entities.dossierCode) state.dossierCode = u.entities.dossierCode;
    if (u.entities.phone) state.phone = u.entities.phone;
    const links = this.intentLinks('dossier_status', locale);
    const done = (text: string, extraLinks: AssistantLink[] = [], sources: AssistantSource[] = []) => {
      delete state.form;
      delete state.dossierCode;
      delete state.phone;
      return this.draft(text, 'dossier_status', [...extraLinks, ...links], [], sources, true, score);
    };
    if (principal) {
      const mine = await this.ports.dossiers.mine(principal, 20);
      const statusLine = (d: (typeof mine)[number]) => t('assistant.dossier.line', { procedure: d.procedureName, code: d.code ?? t('assistant.dossier.draft'), status: d.statusName });
      const own = state.dossierCode ? mine.find((d) => d.code?.toUpperCase() === state.dossierCode) : undefined;
      if (own) {
        const text = [t('assistant.dossier.status', { code: own.code!, procedure: own.procedureName, status: own.statusName }), own.appointmentDate ? t('assistant.dossier.appointment', { date: viDay(own.appointmentDate) }) : null].filter(Boolean).join(' ');
        return done(text, [{ title: t('assistant.link.dossier'), href: `/dossiers/${own.id}` }], [{ kind: 'dossier', id: own.id, title: own.code! }]);
      }
      if (!state.dossierCode) {
        if (!mine.length) return done(t('assistant.dossier.mine_none'));
        const latest = mine.slice(0, 3);
        return done([t('assistant.dossier.mine'), ...latest.map((d) => `• ${statusLine(d)}`)].join('\n'),
          latest.map((d) => ({ title: `${t('assistant.link.dossier')}: ${d.procedureName}`, href: `/dossiers/${d.id}` })),
          latest.map((d) => ({ kind: 'dossier' as const, id: d.id, title: d.code ?? d.procedureName })));
      }
    }
    if (!state.dossierCode) return this.draft(t('assistant.dossier.ask_code'), 'dossier_status', links, [], [], true, score);
    if (!state.phone) return this.draft(t('assistant.dossier.ask_phone', { code: state.dossierCode }), 'dossier_status', links, [], [], true, score);
    const tracked = await this.ports.dossiers.track(state.dossierCode, state.phone);
    if (!tracked) return done(t('assistant.dossier.not_found'));
    const parts = [t('assistant.dossier.status', { code: tracked.code, procedure: tracked.procedureName, status: tracked.statusName })];
    if (tracked.appointmentDate) parts.push(t('assistant.dossier.appointment', { date: viDay(tracked.appointmentDate) }));
    if (tracked.missingDocuments?.length) parts.push(t('assistant.dossier.missing', { list: tracked.missingDocuments.join('; ') }));
    return done(parts.join(' '), [], [{ kind: 'dossier', id: tracked.code, title: tracked.code }]);
  }

  /** Reports are public by code (the code is the key), status and category only. */
  private async reportStatus(u: Understanding, state: ConversationState, locale: Locale): Promise<Draft> {
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
    const score = u.decision.kind === 'answer' ? u.decision.top.score : 1;
    const links = this.intentLinks('report_status', locale);
    const code = u.entities.reportCode;
    if (!code) {
      state.form = 'report_status';
      return this.draft(t('assistant.report.ask_code'), 'report_status', links, [], [], true, score);
    }
    delete state.form;
    const r = await this.ports.reports.find(code);
    if (!r || r.hidden) return this.draft(t('assistant.report.not_found', { code }), 'report_status', links, [], [], true, score);
    const text = t('assistant.report.status', { code: r.tracking_code, category: await this.ports.reports.categoryName(r.category_code), status: this.ports.reports.statusLabel(r.status) });
    return this.draft(text, 'report_status', [{ title: t('assistant.link.report'), href: `/reports/${r.tracking_code}` }, ...links], [], [{ kind: 'report', id: r.tracking_code, title: r.tracking_code }], true, score);
  }

  /** The office that takes applications: the person's commune committee, or the province's service centre. */
  private async agency(principal: Principal | null, locale: Locale, score: number): Promise<Draft> {
    const pack = this.platform.pack;
    const commune = principal ? await this.ports.homeCommune(principal.userId) : null;
    const own = commune ? await this.ports.areas.agencyForCommune(commune) : undefined;
    const agency = own ?? (await this.ports.areas.listAgencies({ kind: 'service_center' }))[0];
    if (!agency) return this.simple('hotline', locale, score);
    const address = agency.address ? `, ${agency.address}` : '';
    const text = translate(locale, own ? 'assistant.agency' : 'assistant.agency_province', { agency: agency.name, address, hotline: pack.hotline });
    const links = [...this.intentLinks('agency', locale), ...(agency.phone ? [{ title: translate(locale, 'assistant.link.hotline', { hotline: agency.phone }), href: `tel:${agency.phone}` }] : [])];
    return this.draft(text, 'agency', links, [], [{ kind: 'agency', id: agency.code, title: agency.name }], true, score);
  }

  /** How to pay, and the person's latest payments with their status ("did my payment go through?"). */
  private async payments(principal: Principal | null, locale: Locale, score: number): Promise<Draft> {
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
    const links = this.intentLinks('payments', locale);
    const items = principal ? await this.ports.payments.latestOf(principal, 3) : [];
    const lines = items.map((p) => t('assistant.payments_line', { code: p.code, description: p.description, amount: p.amountVnd.toLocaleString('vi-VN'), status: t(`assistant.payment_status.${p.status}`) }));
    const text = [t('assistant.payments'), ...(lines.length ? [t('assistant.payments_recent'), ...lines] : [])].join('\n');
    const sources = [{ kind: 'guide' as const, id: 'payments', title: t('assistant.link.payments') }, ...items.map((p) => ({ kind: 'payment' as const, id: p.code, title: p.description }))];
    return this.draft(text, 'payments', [...items.map((p) => ({ title: p.code, href: `/payments/${p.id}` })), ...links], [], sources, true, score);
  }

  /** Where alerts are, and those in force now for the person's commune (the province's when signed out). */
  private async alerts(principal: Principal | null, locale: Locale, score: number): Promise<Draft> {
    const t = (key: string) => translate(locale, key);
    const commune = principal ? await this.ports.homeCommune(principal.userId) : null;
    const items = await this.ports.alerts.inForce(commune, 3);
    const text = [t('assistant.alerts'), items.length ? t('assistant.alerts_now') : t('assistant.alerts_none'), ...items.map((a) => `• ${a.headline}`)].join('\n');
    const links = [...items.map((a) => ({ title: a.headline, href: `/canh-bao/${a.id}` })), ...this.intentLinks('alerts', locale)];
    const sources = [{ kind: 'guide' as const, id: 'alerts', title: t('assistant.link.alerts') }, ...items.map((a) => ({ kind: 'alert' as const, id: a.id, title: a.headline }))];
    return this.draft(text, 'alerts', links, [], sources, true, score);
  }

  /** Where news is, and the latest of the person's commune and the province. */
  private async news(principal: Principal | null, locale: Locale, score: number): Promise<Draft> {
    const t = (key: string) => translate(locale, key);
    const commune = principal ? await this.ports.homeCommune(principal.userId) : null;
    const items = await this.ports.news.latest(commune, 3);
    const text = [t('assistant.news'), ...(items.length ? [t('assistant.news_latest'), ...items.map((n) => `• ${n.title}`)] : [])].join('\n');
    const links = [...items.map((n) => ({ title: n.title, href: `/news/${n.id}` })), ...this.intentLinks('news', locale)];
    const sources = [{ kind: 'guide' as const, id: 'news', title: t('assistant.link.news') }, ...items.map((n) => ({ kind: 'news' as const, id: n.id, title: n.title }))];
    return this.draft(text, 'news', links, [], sources, true, score);
  }

  private async rephrase(d: Draft, locale: Locale): Promise<AssistantReply> {
    const reply: AssistantReply = { text: d.text, intent: d.intent, links: d.links, suggestions: d.suggestions, sources: d.sources };
    // only answers built from facts are rephrased; questions back and "I don't know" stay as written
    if (!this.ports.rephraser || !d.answered || d.intent === 'clarify' || d.sources.length === 0) return reply;
    const text = await this.ports.rephraser.rephrase(d.text, d.sources, locale);
    return text ? { ...reply, text } : reply;
  }

  async rate(principal: Principal | null, turnId: string, helpful: boolean, conversationId: string | undefined): Promise<void> {
    const turn = await repo.findTurn(this.db, turnId);
    if (!turn) throw notFound('assistant.turn_not_found');
    // the asker rates: the same account, or (signed out) whoever holds the conversation id
    const mayRate = turn.user_id ? turn.user_id === principal?.userId : !!conversationId && turn.conversation_id === conversationId;
    if (!mayRate) throw forbidden('assistant.not_yours');
    await repo.rateTurn(this.db, turnId, helpful);
  }

  async questions(filter: AssistantQuestionFilter, limit: number): Promise<QuestionGroup[]> {
    const rows = await repo.questionGroups(this.db, filter, limit);
    return rows.map((r) => ({ key: r.key, example: r.example, count: r.count, lastAskedAt: new Date(r.last_asked_at).toISOString(), intent: r.intent, notHelpful: r.not_helpful }));
  }

  async faqs(): Promise<Faq[]> {
    return (await repo.listFaqs(this.db)).map(toFaq);
  }

  async createFaq(principal: Principal, input: FaqInput): Promise<Faq> {
    const row = await this.platform.db.kysely.transaction().execute(async (trx) => {
      const created = await repo.insertFaq(trx, faqValues(input), principal.userId);
      await repo.resolveQuestions(trx, input.resolves ?? [], created.id);
      await this.platform.audit.record({ actorUserId: principal.userId, action: 'assistant.faq_created', subjectType: 'assistant_faq', subjectId: created.id, details: { question: input.question } }, trx);
      return created;
    });
    this.invalidate();
    return toFaq(row);
  }

  async updateFaq(principal: Principal, id: string, input: FaqInput): Promise<Faq> {
    const row = await this.platform.db.kysely.transaction().execute(async (trx) => {
      const updated = await repo.updateFaq(trx, id, faqValues(input), principal.userId);
      if (!updated) throw notFound('assistant.faq_not_found');
      await repo.resolveQuestions(trx, input.resolves ?? [], id);
      await this.platform.audit.record({ actorUserId: principal.userId, action: 'assistant.faq_updated', subjectType: 'assistant_faq', subjectId: id, details: { question: input.question } }, trx);
      return updated;
    });
    this.invalidate();
    return toFaq(row);
  }

  async deleteFaq(principal: Principal, id: string): Promise<void> {
    const removed = await repo.deleteFaq(this.db, id, principal.userId);
    if (!removed) throw notFound('assistant.faq_not_found');
    await this.platform.audit.record({ actorUserId: principal.userId, action: 'assistant.faq_deleted', subjectType: 'assistant_faq', subjectId: id });
    this.invalidate();
  }

  /** Demo: one answer the editor wrote, so the editors' page and the assistant show one. */
  async seedDemo(editorId: string): Promise<void> {
    if ((await repo.listFaqs(this.db)).length) return;
    await repo.insertFaq(this.db, {
      question: 'Dùng ứng dụng có mất tiền không?',
      phrasings: ['ung dung co mat tien khong', 'app co tinh phi khong', 'cai app co phai tra tien khong'],
      answer: 'Ứng dụng không thu tiền. Chỉ thủ tục nào có lệ phí theo quy định thì mới phải nộp, và có thể nộp ngay trên ứng dụng.',
      link_title: 'Thanh toán', link_href: '/payments',
    }, editorId);
    this.invalidate();
  }

  sweep(): Promise<number> {
    return repo.deleteExpired(this.db, this.now());
  }
}

/** Questions asked with the same words (folded, in order) group together for staff. */
export function questionKey(text: string): string {
  return foldVietnamese(text).replace(/\d/g, '#').slice(0, 200);
}

function titleOf(k: Known, locale: Locale): string {
  if (k.kind === 'procedure') return k.name;
  if (k.kind === 'faq') return k.question;
  return translate(locale, `assistant.link.${INTENT_LINKS[k.intent]?.[0]?.titleKey.split('.').pop() ?? 'procedures'}`);
}

function faqValues(input: FaqInput): repo.FaqValues {
  return {
    question: input.question.trim(),
    phrasings: [...new Set(input.phrasings.map((p) => p.trim()).filter(Boolean))],
    answer: input.answer.trim(),
    link_title: input.linkTitle?.trim() || null,
    link_href: input.linkHref ?? null,
  };
}

function toFaq(r: FaqRow): Faq {
  return { id: r.id, question: r.question, phrasings: r.phrasings, answer: r.answer, linkTitle: r.link_title, linkHref: r.link_href, updatedAt: new Date(r.updated_at).toISOString() };
}
