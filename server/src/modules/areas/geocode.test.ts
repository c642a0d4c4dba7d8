// The local geocoder: commune names found in address text, without diacritics or with prefixes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdminUnits } from './admin-units.ts';
import { geocodeCommune } from './geocode.ts';

const communes = AdminUnits.load().communesIn('20');
const codes = (text: string) => geocodeCommune(text, communes).map((c) => c.name);

describe('geocodeCommune', () => {
  it('finds a ward written without diacritics after a prefix', () => {
    assert.deepEqual(codes('12 Trần Đăng Ninh, phuong Luong Van Tri'), ['Phường Lương Văn Tri']);
    assert.deepEqual(codes('số 3, P. Lương Văn Tri, Lạng Sơn'), ['Phường Lương Văn Tri']);
    assert.deepEqual(codes('thôn Nà Lầu, X.Văn Quan'), ['Xã Văn Quan']);
    assert.deepEqual(codes('THON BAN CHUC, XA THAT KHE'), ['Xã Thất Khê']);
  });

  it('finds a bare name when no prefixed one is written', () => {
    assert.deepEqual(codes('Chợ Lương Văn Tri'), ['Phường Lương Văn Tri']);
  });

  it('prefers the prefixed name over a street with another commune name', () => {
    assert.deepEqual(codes('25 Hoàng Văn Thụ, phường Lương Văn Tri'), ['Phường Lương Văn Tri']);
  });

  it('does not count a name inside a longer matched name', () => {
    const nested = [
      { code: '99001', name: 'Xã Văn Quan', type: 'commune' as const, provinceCode: '99' },
      { code: '99002', name: 'Xã Quan', type: 'commune' as const, provinceCode: '99' },
    ];
    assert.deepEqual(geocodeCommune('xa Van Quan', nested).map((c) => c.code), ['99001']);
    assert.deepEqual(geocodeCommune('thon 2, xa Quan', nested).map((c) => c.code), ['99002']);
  });

  it('gives several communes when the text is ambiguous, none for an unknown place', () => {
    assert.equal(codes('giữa xã Văn Quan và xã Thất Khê').length, 2);
    assert.deepEqual(codes('123 Nguyễn Trãi, Hà Nội'), []);
    assert.deepEqual(codes(''), []);
  });

  it('does not match part of a word', () => {
    assert.deepEqual(codes('phuong Luong Van Trim'), []);
  });
});
