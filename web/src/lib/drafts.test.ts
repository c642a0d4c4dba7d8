import { afterEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useDraft } from './drafts.ts';

afterEach(() => sessionStorage.clear());

describe('useDraft', () => {
  it('keeps what was typed across a remount (a page reload in the same tab)', () => {
    const first = renderHook(() => useDraft('r1:text'));
    act(() => first.result.current.set('Đã thu gom'));
    first.unmount();
    const second = renderHook(() => useDraft('r1:text'));
    expect(second.result.current.value).toBe('Đã thu gom');
  });

  it('empties the draft when the sent text was consumed', () => {
    const { result } = renderHook(() => useDraft('r2:text'));
    act(() => result.current.set('trả lời'));
    act(() => result.current.consumed('trả lời'));
    expect(result.current.value).toBe('');
    expect(sessionStorage.length).toBe(0);
  });

  it('keeps text typed while the request that consumed an earlier text was running', () => {
    const { result } = renderHook(() => useDraft('r3:text'));
    act(() => result.current.set(''));
    const sent = result.current.value;
    act(() => result.current.set('Đã thu gom toàn bộ rác'));
    act(() => result.current.consumed(sent));
    expect(result.current.value).toBe('Đã thu gom toàn bộ rác');
  });

  it('keeps one draft per key', () => {
    const a = renderHook(() => useDraft('PA-1:text'));
    const b = renderHook(() => useDraft('PA-2:text'));
    act(() => a.result.current.set('một'));
    expect(b.result.current.value).toBe('');
  });

  it("shows the new key's draft in the very render that changes the key, never the old one's", () => {
    sessionStorage.setItem('cds.draft:d1:accept', 'đủ giấy tờ');
    const seen: string[] = [];
    const { result, rerender } = renderHook(({ k }) => {
      const draft = useDraft(k);
      seen.push(`${k}=${draft.value}`);
      return draft;
    }, { initialProps: { k: 'd1:refuse' } });
    act(() => result.current.set('Thiếu chữ ký'));
    seen.length = 0;
    rerender({ k: 'd1:accept' });
    expect(seen.every((s) => s === 'd1:accept=đủ giấy tờ')).toBe(true);
    expect(result.current.value).toBe('đủ giấy tờ');
    rerender({ k: 'd1:refuse' });
    expect(result.current.value).toBe('Thiếu chữ ký');
  });
});
