import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en.js';
import { zhCN } from '../../renderer/i18n/zh-CN.js';

type Table = { readonly [key: string]: string | Table };

/** Every leaf of a string table as "a.b.c" → text. */
function leaves(table: Table, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(table)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe('the string tables', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('have exactly the same keys in English and Simplified Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of english) expect([key, placeholders(chinese.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('translate every sentence (only names, units and symbols may stay the same)', () => {
    const same = [...english].filter(([key, text]) => chinese.get(key) === text && /[a-z]{3,}/.test(text)).map(([key]) => key);
    // Product and technical names that Chinese UIs keep as they are.
    expect(same.sort()).toEqual(['app.title']);
  });
});
