// CAP 1.2 serialisation: valid against the OASIS schema (xmllint), Vietnam-offset dates,
// references of Update/Cancel, the Atom feed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atomFeed, capDate, capXml } from './cap.ts';
import type { AlertRow } from './repo.ts';
import { validateCap } from '../../../test/alerts.ts';

const sent = new Date('2026-12-07T00:05:03.456Z');
const sample = (over: Partial<AlertRow> = {}): AlertRow => ({
  id: '7d9f1f7e-8c1e-4a4b-9a53-0a5a3c2b1d10',
  identifier: 'VN-20-20261207-ABCDEF1234',
  sender: 'pctt@congdan.langson.gov.vn',
  status: 'Actual',
  msg_type: 'Alert',
  references_id: null,
  state: 'sent',
  superseded_by: null,
  category: 'Met',
  event: 'Lũ quét',
  urgency: 'Immediate',
  severity: 'Extreme',
  certainty: 'Observed',
  headline: 'Lũ quét & sạt lở tại <Thất Khê>',
  description: 'Mưa lớn 200 mm trong 6 giờ.',
  instruction: 'Di chuyển lên chỗ cao ngay.',
  translations: [{ language: 'en', event: 'Flash flood', headline: 'Flash flood in Thất Khê', description: 'Heavy rain.', instruction: 'Move to high ground.' }],
  area: { description: 'Xã Thất Khê và Phường Lương Văn Tri', communes: ['06040', '05983'], polygon: [[106.4, 22.2], [106.5, 22.2], [106.5, 22.3], [106.4, 22.2]], circle: { center: [106.45, 22.25], radiusKm: 5 } },
  area_communes: ['05983', '06040'],
  effective: sent,
  expires: new Date('2026-12-08T00:00:00Z'),
  created_by: 'u1',
  created_at: sent,
  approved_by: 'u2',
  sent_at: sent,
  rejected_reason: null,
  delivery: null,
  fan_out_done_at: null,
  ...over,
});
const ctx = { senderName: 'Ban Chỉ huy PTDS tỉnh Lạng Sơn', publicUrl: 'https://congdan.langson.gov.vn', communeName: (c: string) => c };

describe('CAP 1.2 documents', () => {
  it('dates carry the Vietnam offset, no Z and no milliseconds', () => {
    assert.equal(capDate(sent), '2026-12-07T07:05:03+07:00');
  });

  it('an alert with two languages, polygon, circle and commune geocodes is valid against the OASIS schema', () => {
    const xml = capXml(sample(), ctx);
    assert.equal(validateCap(xml), null);
    assert.match(xml, /<sent>2026-12-07T07:05:03\+07:00<\/sent>/);
    assert.match(xml, /<expires>2026-12-08T07:00:00\+07:00<\/expires>/);
    assert.doesNotMatch(xml, /\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
    assert.match(xml, /<polygon>22.2,106.4 22.2,106.5 22.3,106.5 22.2,106.4<\/polygon>/);
    assert.match(xml, /<circle>22.25,106.45 5<\/circle>/);
    assert.match(xml, /<value>06040<\/value>/);
    assert.match(xml, /&lt;Thất Khê&gt;/);
    assert.equal((xml.match(/<info>/g) ?? []).length, 2);
  });

  it('an Update references the earlier alert as sender,identifier,sent; a Cancel says AllClear', () => {
    const earlier = sample();
    const update = capXml(sample({ identifier: 'VN-20-20261207-UPD', msg_type: 'Update', references_id: earlier.id }), { ...ctx, referenced: earlier });
    assert.equal(validateCap(update), null);
    assert.match(update, /<references>pctt@congdan.langson.gov.vn,VN-20-20261207-ABCDEF1234,2026-12-07T07:05:03\+07:00<\/references>/);
    const cancel = capXml(sample({ identifier: 'VN-20-20261207-CNL', msg_type: 'Cancel', references_id: earlier.id }), { ...ctx, referenced: earlier });
    assert.equal(validateCap(cancel), null);
    assert.match(cancel, /<msgType>Cancel<\/msgType>/);
    assert.match(cancel, /<responseType>AllClear<\/responseType>/);
  });

  it('an Exercise carries a note that it is not real; a minimal alert (no instruction, no translations) is valid', () => {
    const xml = capXml(sample({ status: 'Exercise', instruction: null, translations: [], area: { description: 'Xã Thất Khê', communes: ['06040'] }, area_communes: ['06040'] }), ctx);
    assert.equal(validateCap(xml), null);
    assert.match(xml, /<note>DIỄN TẬP/);
    assert.doesNotMatch(xml, /<instruction>/);
  });

  it('the schema check itself rejects a broken document', () => {
    const broken = capXml(sample(), ctx).replace('<status>Actual</status>', '<status>Real</status>');
    assert.notEqual(validateCap(broken), null);
  });

  it('the Atom feed links each alert to its CAP document', () => {
    const feed = atomFeed([sample()], { publicUrl: ctx.publicUrl, title: 'PTDS', updated: sent });
    assert.match(feed, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    assert.match(feed, /href="https:\/\/congdan.langson.gov.vn\/cap\/alerts\/VN-20-20261207-ABCDEF1234.xml"/);
    assert.match(feed, /type="application\/cap\+xml"/);
  });
});
