import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { actionAllowedIn, editDistanceWithin, isMajorChange, isPublic, mayReview, reaches, statusAfterApproval } from './news.rules.ts';

describe('news rules', () => {
  it('lets each action start only from its statuses', () => {
    assert.equal(actionAllowedIn('submit', 'draft'), true);
    assert.equal(actionAllowedIn('submit', 'in_review'), false);
    assert.equal(actionAllowedIn('approve', 'in_review'), true);
    assert.equal(actionAllowedIn('approve', 'draft'), false);
    assert.equal(actionAllowedIn('edit', 'published'), true);
    assert.equal(actionAllowedIn('edit', 'in_review'), false);
    assert.equal(actionAllowedIn('edit', 'withdrawn'), false);
    assert.equal(actionAllowedIn('withdraw', 'scheduled'), true);
    assert.equal(actionAllowedIn('withdraw', 'withdrawn'), false);
    assert.equal(actionAllowedIn('return', 'published'), false);
  });

  it('needs a second editor: not the writer, the last editor nor the submitter', () => {
    const item = { authorId: 'a', updatedBy: 'b', submittedBy: 'c' };
    assert.equal(mayReview('a', item), false);
    assert.equal(mayReview('b', item), false);
    assert.equal(mayReview('c', item), false);
    assert.equal(mayReview('d', item), true);
    assert.equal(mayReview('d', { authorId: 'a', updatedBy: 'a', submittedBy: null }), true);
  });

  it('publishes at approval unless the publish time is ahead', () => {
    const now = new Date('2026-12-07T00:00:00Z');
    assert.equal(statusAfterApproval(null, now), 'published');
    assert.equal(statusAfterApproval(new Date('2026-12-06T00:00:00Z'), now), 'published');
    assert.equal(statusAfterApproval(new Date('2026-12-08T00:00:00Z'), now), 'scheduled');
  });

  it('shows citizens published items whose time has come, withdrawn ones too', () => {
    const now = new Date('2026-12-07T00:00:00Z');
    const past = new Date('2026-12-06T00:00:00Z');
    const future = new Date('2026-12-08T00:00:00Z');
    assert.equal(isPublic('published', past, now), true);
    assert.equal(isPublic('scheduled', past, now), true);
    assert.equal(isPublic('scheduled', future, now), false);
    assert.equal(isPublic('withdrawn', past, now), true);
    assert.equal(isPublic('draft', past, now), false);
    assert.equal(isPublic('in_review', null, now), false);
  });

  it('reaches the targeted communes and, for province-wide items, everyone in the province', () => {
    const lvt = { provinceCode: '20', communeCode: '05983' };
    const tk = { provinceCode: '20', communeCode: '06040' };
    assert.equal(reaches({ provinceCode: '20', communes: [] }, lvt), true);
    assert.equal(reaches({ provinceCode: '20', communes: ['05983'] }, lvt), true);
    assert.equal(reaches({ provinceCode: '20', communes: ['05983'] }, tk), false);
    assert.equal(reaches({ provinceCode: '04', communes: [] }, lvt), false);
    assert.equal(reaches({ provinceCode: '20', communes: [] }, { provinceCode: '20', communeCode: null }), true);
    assert.equal(reaches({ provinceCode: '20', communes: ['05983'] }, { provinceCode: '20', communeCode: null }), false);
  });

  it('tells a typo fix from a major update', () => {
    const body = 'Ủy ban nhân dân tỉnh thông báo lịch cắt điện ngày 10/12 tại các xã Thất Khê, Đồng Đăng. '.repeat(20);
    const before = { vi: { title: 'Lịch cắt điện tháng 12', summary: 'Cắt điện luân phiên', body } };
    assert.equal(isMajorChange(before, { vi: { ...before.vi, title: 'Lịch cắt điên tháng 12' } }), false);
    assert.equal(isMajorChange(before, { vi: { ...before.vi, body: body.replace('10/12', '11/12') } }), false);
    assert.equal(isMajorChange(before, { vi: { ...before.vi, title: 'Hoãn cắt điện tháng 12 sang tháng 1' } }), true);
    assert.equal(isMajorChange(before, { vi: { ...before.vi, body: `${body} Lịch mới: cắt điện cả ngày 12/12 tại toàn bộ xã Đồng Đăng và Cao Lộc.` } }), true);
    assert.equal(isMajorChange(before, { ...before, en: { title: 'Power cuts', summary: '', body: 'Power cuts in December.' } }), true);
    assert.equal(isMajorChange(before, before), false);
  });

  it('measures edit distance only as far as it matters', () => {
    assert.equal(editDistanceWithin('kitten', 'sitting', 10), 3);
    assert.equal(editDistanceWithin('abc', 'abc', 0), 0);
    assert.equal(editDistanceWithin('a'.repeat(5000), 'b'.repeat(5000), 10), 11);
  });

  it('reviews a waiting major update of a published item', () => {
    assert.equal(actionAllowedIn('approve', 'published'), false);
    assert.equal(actionAllowedIn('approve', 'published', true), true);
    assert.equal(actionAllowedIn('return', 'published', true), true);
    assert.equal(actionAllowedIn('approve', 'withdrawn', true), false);
  });
});
