import { useState } from 'react';

/** State kept in localStorage under a key, read once and checked by `valid`. */
export function useStoredState<T>(key: string, initial: T, valid: (v: unknown) => v is T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      const parsed: unknown = raw === null ? undefined : JSON.parse(raw);
      return valid(parsed) ? parsed : initial;
    } catch {
      return initial;
    }
  });
  return [value, (v: T) => {
    setValue(v);
    localStorage.setItem(key, JSON.stringify(v));
  }];
}
