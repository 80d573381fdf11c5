import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../renderer/i18n/index.js';
import { NavigationContext, type Navigation } from '../../renderer/shell/navigation.js';
import { Sidebar } from '../../renderer/shell/Sidebar.js';
import { AppStores } from '../../renderer/state/app-stores.js';
import { StoresProvider } from '../../renderer/state/hooks.js';
import { FakePort } from './fake-port.js';
import { conn, dom } from './fixtures.js';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  initI18n();
});

let root: Root | undefined;
afterEach(() => {
  if (root) act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

const uuid = (h: number, i: number): string => `7a1d0a8e-${String(h).padStart(4, '0')}-4000-8000-${String(i).padStart(12, '0')}`;

/** The sidebar over `hosts` connected hosts of `perHost` VMs each. */
async function sidebar(hosts: number, perHost: number): Promise<HTMLElement> {
  const ids = Array.from({ length: hosts }, (_, h) => `h${h + 1}`);
  const port = new FakePort({
    'connections.list': () => ({ rev: 1, items: ids.map((id) => conn(id)) }),
    'domains.list': ({ connection }) => {
      const h = ids.indexOf(connection) + 1;
      return { rev: 1, items: Array.from({ length: perHost }, (_, i) => dom(uuid(h, i), `${connection}-vm${i}`)) };
    },
  });
  const stores = new AppStores(port);
  await act(async () => {
    await stores.start();
  });
  const nav: Navigation = { activeId: 'manager', open: () => undefined, close: () => undefined };
  const el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  act(() => root?.render(<StoresProvider stores={stores}><NavigationContext.Provider value={nav}><Sidebar /></NavigationContext.Provider></StoresProvider>));
  return el;
}

const vmEntries = (el: HTMLElement, host: string): string[] =>
  [...el.querySelectorAll(`[data-connection="${host}"] [data-vm]`)].map((b) => b.getAttribute('data-vm') ?? '');

describe('sidebar', () => {
  it('opens each of a few hosts with its VMs in natural order, the first 50 and "N more"', async () => {
    const el = await sidebar(2, 60);
    const first = vmEntries(el, 'h1');
    expect(first).toHaveLength(50);
    expect(first.slice(0, 3)).toEqual(['h1-vm0', 'h1-vm1', 'h1-vm2']);
    expect(first[10]).toBe('h1-vm10');
    expect(vmEntries(el, 'h2')).toHaveLength(50);
    expect(el.querySelector('[data-connection="h1"] .sidebar-more')?.textContent).toContain('10');
  });

  it('with many hosts, starts each closed with none of its entries in the page, and lists them once opened', async () => {
    const el = await sidebar(5, 60);
    for (const h of ['h1', 'h2', 'h3', 'h4', 'h5']) expect(vmEntries(el, h)).toEqual([]);
    // Closed groups keep no hidden items either: only the manager and the five host toggles are there.
    expect(el.querySelectorAll('.pf-v6-c-nav__item').length).toBe(6);
    const toggle = el.querySelector<HTMLButtonElement>('[data-connection="h3"] > button');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    act(() => toggle?.click());
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(vmEntries(el, 'h3')).toHaveLength(50);
    expect(vmEntries(el, 'h4')).toEqual([]);
    act(() => toggle?.click());
    expect(vmEntries(el, 'h3')).toEqual([]);
  });
});
