import { describe, expect, it } from 'vitest';
import type { Procedure } from '@cds/contracts/procedures';
import { fieldsFromQuery } from '../dossiers/ApplyPage.tsx';
import { importQueryString, keyQueryString, parcelPrefill } from './api.ts';

const schema = {
  type: 'object',
  properties: {
    parcelNumber: { type: 'string', title: 'Thửa đất số' },
    mapSheet: { type: 'string', title: 'Tờ bản đồ số' },
    parcelAddress: { type: 'string', title: 'Địa chỉ thửa đất' },
    parcelArea: { type: 'number', title: 'Diện tích (m²)' },
  },
  required: [],
} as unknown as Procedure['formSchema'];

describe('land: parcel prefill of applications', () => {
  it('hands the parcel number, sheet, place and area to the application form', () => {
    const qs = parcelPrefill({ parcel: 12, sheet: 3, areaM2: 352.5, address: null, commune: { code: '05983', name: 'Phường Lương Văn Tri' }, formerCommune: { code: '05989', name: 'Xã Quảng Lạc' } });
    const fields = fieldsFromQuery(new URLSearchParams(qs), schema);
    expect(fields).toEqual({ parcelNumber: '12', mapSheet: '3', parcelAddress: 'Xã Quảng Lạc (cũ), Phường Lương Văn Tri', parcelArea: 352.5 });
  });

  it('puts the address before the places', () => {
    const qs = parcelPrefill({ parcel: 1, sheet: 1, areaM2: 400, address: 'Số 1, đường Bà Triệu', commune: { code: '05983', name: 'Phường Lương Văn Tri' }, formerCommune: null });
    expect(new URLSearchParams(qs).get('parcelAddress')).toBe('Số 1, đường Bà Triệu, Phường Lương Văn Tri');
  });

  it('takes only fields the form has, with the type it wants', () => {
    const fields = fieldsFromQuery(new URLSearchParams('parcelArea=abc&owner=X&mapSheet=%20&parcelNumber=7'), schema);
    expect(fields).toEqual({ parcelNumber: '7' });
  });

  it('leaves empty key parts out of a search', () => {
    expect(keyQueryString({ commune: ' 05983 ', sheet: '', parcel: '12' })).toBe('commune=05983&parcel=12');
  });
});

describe('land: import request', () => {
  const base = { kind: 'parcels' as const, srid: '', planName: 'Quy hoạch A', decisionNumber: '1/QĐ', decisionDate: '2025-01-02' };
  it('leaves the zone out when it is to be read from the .prj, and the plan out for parcels', () => {
    expect(importQueryString(base)).toBe('kind=parcels');
    expect(importQueryString({ ...base, srid: '9215' })).toBe('kind=parcels&srid=9215');
  });
  it('names the run the page will follow', () => {
    expect(importQueryString(base, '6f1c2a4e-8b1d-4c3a-9e2f-0a1b2c3d4e5f')).toBe('kind=parcels&runId=6f1c2a4e-8b1d-4c3a-9e2f-0a1b2c3d4e5f');
  });
  it('sends the plan\'s name and decision with zones', () => {
    expect(importQueryString({ ...base, kind: 'zones', srid: '9215' })).toBe('kind=zones&srid=9215&planName=Quy+ho%E1%BA%A1ch+A&decisionNumber=1%2FQ%C4%90&decisionDate=2025-01-02');
  });
});
