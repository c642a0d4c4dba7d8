// Text a person is typing, kept in sessionStorage under a key naming the record and the field,
// so neither a background refetch nor a page reload in the same tab loses it. A draft is only
// cleared by the code that consumed it, and only if it still holds what was sent: text typed
// while a request was running survives the request's success.
import { useCallback, useRef, useState } from 'react';

const PREFIX = 'cds.draft:';

function read(key: string): string {
  try {
    return sessionStorage.getItem(PREFIX + key) ?? '';
  } catch {
    return '';
  }
}

function write(key: string, value: string): void {
  try {
    if (value) sessionStorage.setItem(PREFIX + key, value);
    else sessionStorage.removeItem(PREFIX + key);
  } catch {
    // storage full or blocked (private mode): the draft still lives in memory
  }
}

export interface Draft {
  value: string;
  set(value: string): void;
  /** Empties the draft if it still equals `sent`; text typed since then is kept. */
  consumed(sent: string): void;
}

export function useDraft(key: string): Draft {
  const [state, setState] = useState(() => ({ key, value: read(key) }));
  // The key changes when the person picks another record or action. The new key's draft must
  // show in that same render: reading it in an effect left one frame with the old key's text,
  // long enough for a refusal reason to appear under "accept" on a slow phone.
  let current = state;
  if (state.key !== key) {
    current = { key, value: read(key) };
    setState(current);
  }
  const latest = useRef(current);
  latest.current = current;
  const set = useCallback(
    (next: string) => {
      latest.current = { key, value: next };
      setState(latest.current);
      write(key, next);
    },
    [key],
  );
  const consumed = useCallback(
    (sent: string) => {
      if (latest.current.key === key && latest.current.value === sent) set('');
    },
    [key, set],
  );
  return { value: current.value, set, consumed };
}
