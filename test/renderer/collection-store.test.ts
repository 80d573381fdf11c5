import { describe, expect, it } from 'vitest';
import { CollectionStore } from '../../renderer/state/collection-store.js';

interface Item { readonly key: string; readonly v: number }
const item = (key: string, v: number): Item => ({ key, v });
const values = (s: CollectionStore<Item>, scope = 'h'): Record<string, number> => Object.fromEntries(s.list(scope).map((i) => [i.key, i.v]));

describe('CollectionStore', () => {
  it('takes a whole list, then deltas after it', () => {
    const s = new CollectionStore<Item>();
    expect(s.isLoaded('h')).toBe(false);
    s.reset('h', 10, [item('a', 1), item('b', 1)]);
    expect(s.isLoaded('h')).toBe(true);
    s.delta('h', 11, [item('a', 2), item('c', 1)], ['b']);
    expect(values(s)).toEqual({ a: 2, c: 1 });
  });

  it('drops a delta the list already contained (its revision is at or below the list\'s)', () => {
    const s = new CollectionStore<Item>();
    s.reset('h', 10, [item('a', 5)]);
    expect(s.delta('h', 9, [item('a', 4)], [])).toBe(false);
    expect(s.delta('h', 10, [], ['a'])).toBe(false);
    expect(values(s)).toEqual({ a: 5 });
  });

  it('drops duplicate deltas', () => {
    const s = new CollectionStore<Item>();
    s.reset('h', 1, []);
    expect(s.delta('h', 2, [item('a', 1)], [])).toBe(true);
    s.delta('h', 3, [], ['a']);
    expect(s.delta('h', 2, [item('a', 1)], [])).toBe(false);
    expect(values(s)).toEqual({});
  });

  it('keeps the newer change of an object when deltas arrive out of order', () => {
    const s = new CollectionStore<Item>();
    s.reset('h', 1, [item('a', 0), item('b', 0)]);
    s.delta('h', 5, [item('a', 5)], []);
    s.delta('h', 4, [item('a', 4), item('b', 4)], []); // older for a, still new for b
    expect(values(s)).toEqual({ a: 5, b: 4 });
    s.delta('h', 7, [], ['b']);
    s.delta('h', 6, [item('b', 6)], []); // an older upsert cannot bring back what a newer delta removed
    expect(values(s)).toEqual({ a: 5 });
  });

  it('keeps what deltas newer than a list said when the list comes after them', () => {
    const s = new CollectionStore<Item>();
    s.delta('h', 8, [item('a', 8)], ['b']);
    s.reset('h', 6, [item('a', 6), item('b', 6), item('c', 6)]);
    expect(values(s)).toEqual({ a: 8, c: 6 });
    s.delta('h', 7, [item('c', 7)], []); // above the list, below nothing for c: taken
    expect(values(s)).toEqual({ a: 8, c: 7 });
  });

  it('ignores a list older than the one it holds, and a newer reset replaces everything', () => {
    const s = new CollectionStore<Item>();
    s.reset('h', 10, [item('a', 10)]);
    expect(s.reset('h', 9, [item('z', 9)])).toBe(false);
    s.delta('h', 11, [item('b', 11)], []);
    s.reset('h', 20, [item('c', 20)]);
    expect(values(s)).toEqual({ c: 20 });
  });

  it('keeps scopes apart (two hosts may hold the same key)', () => {
    const s = new CollectionStore<Item>();
    s.reset('h1', 1, [item('same', 1)]);
    s.reset('h2', 2, [item('same', 2)]);
    s.delta('h2', 3, [item('same', 3)], []);
    expect(values(s, 'h1')).toEqual({ same: 1 });
    expect(values(s, 'h2')).toEqual({ same: 3 });
  });

  it('hands out the same array until something changes, and tells only that scope\'s listeners', () => {
    const s = new CollectionStore<Item>();
    s.reset('h', 1, [item('a', 1)]);
    const first = s.list('h');
    expect(s.list('h')).toBe(first);
    let h = 0;
    let other = 0;
    const off = s.subscribe('h', () => h++);
    const offOther = s.subscribe('x', () => other++);
    s.delta('h', 2, [item('a', 2)], []);
    expect(h).toBe(1);
    expect(other).toBe(0);
    expect(s.list('h')).not.toBe(first);
    s.delta('h', 1, [item('a', 9)], []); // stale: no notification
    expect(h).toBe(1);
    off();
    offOther();
    expect(s.listenerCount()).toBe(0);
  });

  it('drops a scope; its listeners see an empty, unloaded list', () => {
    const s = new CollectionStore<Item>();
    s.reset('h', 1, [item('a', 1)]);
    let seen = -1;
    const off = s.subscribe('h', () => { seen = s.list('h').length; });
    s.drop('h');
    expect(seen).toBe(0);
    expect(s.isLoaded('h')).toBe(false);
    off();
  });
});
