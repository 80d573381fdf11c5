import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { cachedTranslate } from '../../renderer/components/cached-translate.js';

async function translator(): Promise<typeof i18next> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    interpolation: { escapeValue: false },
    resources: { en: { translation: {
      plain: 'Hello',
      graph: '{{column}} of {{name}}: {{now}}',
      twice: '{{a}} and {{a}}',
      rows_one: '{{count}} row', rows_other: '{{count}} rows',
    } } },
  });
  return i18n;
}

describe('cachedTranslate', () => {
  it('fills a resolved text in as i18next does', async () => {
    const i18n = await translator();
    const t = cachedTranslate(i18n.t);
    for (const values of [{ column: 'CPU', name: 'vm1', now: '5 %' }, { column: 'Disk', name: '<b>', now: 3 }]) {
      expect(t('graph', values)).toBe(i18n.t('graph', values));
    }
    expect(t('twice', { a: 'x' })).toBe('x and x');
    expect(t('plain')).toBe('Hello');
    expect(t('missing.key', { a: 1 })).toBe(i18n.t('missing.key', { a: 1 }));
  });

  it('leaves plurals and other options to i18next', async () => {
    const i18n = await translator();
    const t = cachedTranslate(i18n.t);
    expect(t('rows', { count: 1 })).toBe('1 row');
    expect(t('rows', { count: 2 })).toBe('2 rows');
  });
});
