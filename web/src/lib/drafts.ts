// Text a person is typing, kept in sessionStorage under a key naming the record and the field,
// so neither a background refetch nor a page reload in the same tab loses it. A draft is only
// cleared by the code that consumed it, and only if it still holds what was sent: text typed
// while a request was running survives the request's success.
import { useCallback, useEffect, useRef, useState } from 'react';

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
  const [value, setValue] = useState(() => read(key));
  const latest = useRef(value);
  useEffect(() => {
    const saved = read(key);
    latest.current = saved;
    setValue(saved);
  }, [key]);
  const set = useCallback(
    (next: string) => {
      latest.current = next;
      setValue(next);
      write(key, next);
    },
    [key],
  );
  const consumed = useCallback(
    (sent: string) => {
      if (latest.current === sent) set('');
    },
    [set],
  );
  return { value, set, consumed };
}
