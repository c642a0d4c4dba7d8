// The fake server's replies are checked against the real server's OpenAPI document; these
// cases show the check refuses what the server could never send.
import { describe, expect, it } from 'vitest';
import { contractProblems } from './contract.ts';
import { INBOX } from './fixtures.ts';

describe('contract check of fake replies', () => {
  it('accepts a reply the server declares', () => {
    expect(contractProblems('GET', '/api/me/notifications', 200, INBOX)).toEqual([]);
  });

  it('refuses a route the server does not have', () => {
    expect(contractProblems('GET', '/api/me/notification', 200, INBOX)).toEqual(['GET /api/me/notification: the server has no such route']);
  });

  it('refuses a missing or mistyped field', () => {
    const { unread: _unread, ...missing } = INBOX;
    expect(contractProblems('GET', '/api/me/notifications', 200, missing).join()).toMatch(/must have required property 'unread'/);
    expect(contractProblems('GET', '/api/me/notifications', 200, { ...INBOX, unread: 'two' }).join()).toMatch(/\/unread must be integer/);
  });

  it('refuses a field the server never sends, also inside lists', () => {
    const items = INBOX.items.map((n) => ({ ...n, colour: 'red' }));
    expect(contractProblems('GET', '/api/me/notifications', 200, { ...INBOX, items })).toContain('GET /api/me/notifications 200: /items/0/colour is a field the server never sends');
  });

  it('matches a literal path before a parameter, and leaves error replies to their own shape', () => {
    expect(contractProblems('POST', '/api/me/notifications/read-all', 200, { updated: 'x' }).join()).toMatch(/read-all 200/);
    expect(contractProblems('GET', '/api/me/notifications', 401, { error: { code: 'auth.required' } })).toEqual([]);
  });
});
