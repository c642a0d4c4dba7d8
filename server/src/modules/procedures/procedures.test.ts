// Unit tests: query preparation, fee wording and who manages a procedure. (Vietnamese
// folding and form schemas are tested in packages/contracts.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expandSynonyms, prepareQuery, searchDocument } from './search.ts';
import { feeSummary } from './service.ts';
import { canManage } from './policy.ts';
import { messages } from './messages.ts';
import { registerMessages } from '../../platform/i18n.ts';

registerMessages(messages);

describe('query preparation', () => {
  it('expands abbreviations, longest first', () => {
    assert.equal(expandSynonyms('cap doi cccd'), 'cap doi the can cuoc cong dan');
    assert.equal(expandSynonyms('gcn qsdd'), 'giay chung nhan quyen su dung dat');
    assert.equal(expandSynonyms('gcn'), 'giay chung nhan');
    assert.equal(expandSynonyms('doi bang lai xe'), 'doi giay phep lai xe');
    assert.equal(expandSynonyms('dang ky hkd'), 'dang ky ho kinh doanh');
  });

  it('drops filler words but keeps meaningful ones', () => {
    const q = prepareQuery('Tôi muốn làm giấy khai sinh cho con');
    assert.equal(q.raw, 'toi muon lam giay khai sinh cho con');
    assert.equal(q.text, 'dang ky khai sinh con');
    assert.deepEqual(q.words, ['dang', 'ky', 'khai', 'sinh', 'con']);
  });

  it('keeps a query made only of filler words', () => {
    assert.equal(prepareQuery('cho tôi').text, 'cho toi');
  });

  it('builds a folded search document with expanded aliases', () => {
    const doc = searchDocument({ name: 'Cấp, cấp đổi, cấp lại thẻ căn cước', sector: 'Căn cước', keywords: ['CCCD', 'làm căn cước'] });
    assert.equal(doc.search_name, 'cap cap doi cap lai the can cuoc');
    assert.equal(doc.search_sector, 'can cuoc');
    assert.ok(doc.alias_phrases.includes('cccd'));
    assert.ok(doc.alias_phrases.includes('the can cuoc cong dan'));
    assert.ok(doc.alias_words.includes('lam'));
  });
});

describe('feeSummary', () => {
  it('says free, one amount, or the smallest amount', () => {
    assert.equal(feeSummary([{ name: 'Lệ phí', amountVnd: 0, note: null }]), 'Miễn phí');
    assert.equal(feeSummary([]), 'Miễn phí');
    assert.equal(feeSummary([{ name: 'Phí', amountVnd: 2000, note: null }]), '2.000 đồng');
    assert.equal(feeSummary([{ name: 'a', amountVnd: 70000, note: null }, { name: 'b', amountVnd: 50000, note: null }, { name: 'c', amountVnd: 0, note: null }]), 'Từ 50.000 đồng');
    assert.equal(feeSummary([{ name: 'a', amountVnd: 1263600, note: null }], 'en'), '1.263.600 VND');
  });
});

describe('canManage', () => {
  const admin = { userId: 'u', sessionId: 's', roles: ['agency_admin' as const], memberships: [] };
  const sysadmin = { ...admin, roles: ['sysadmin' as const] };
  const justice = { code: 'STP-20', kind: 'department' };
  const centre = { code: 'TTPVHCC-20', kind: 'service_center' };
  it('lets a sysadmin manage anything', () => {
    assert.equal(canManage(sysadmin, { tier: 'commune', agencyCode: null }, []), true);
  });
  it('lets an agency admin manage their own agency procedures', () => {
    assert.equal(canManage(admin, { tier: 'province', agencyCode: 'STP-20' }, [justice]), true);
    assert.equal(canManage(admin, { tier: 'province', agencyCode: 'SXD-20' }, [justice]), false);
    assert.equal(canManage(admin, { tier: 'province', agencyCode: null }, [justice]), false);
  });
  it('keeps the shared commune catalogue to the province centre', () => {
    assert.equal(canManage(admin, { tier: 'commune', agencyCode: null }, [justice]), false);
    assert.equal(canManage(admin, { tier: 'commune', agencyCode: null }, [centre]), true);
  });
});
