import { act, memo, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppStores } from '../../renderer/state/app-stores.js';
import { StoresProvider, useDomain, useDomains, useJobs, useNotifications, useSnapshots, useStats } from '../../renderer/state/hooks.js';
import { FakePort, settle } from './fake-port.js';
import { conn, dom, host, job, sample, UUID_A, UUID_B } from './fixtures.js';
import { statsEvent } from '../support/stats-event.js';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
});

let roots: Root[] = [];
afterEach(() => {
  for (const r of roots) act(() => r.unmount());
  roots = [];
});

function mount(stores: AppStores, node: ReactNode): Root {
  const el = document.createElement('div');
  document.body.append(el);
  const root = createRoot(el);
  act(() => root.render(<StoresProvider stores={stores}>{node}</StoresProvider>));
  roots.push(root);
  return root;
}

async function setup(): Promise<{ port: FakePort; stores: AppStores }> {
  const port = new FakePort({
    'connections.list': () => ({ rev: 1, items: [conn('h1'), conn('h2')] }),
    'domains.list': ({ connection }) => ({ rev: 1, items: connection === 'h1' ? [dom(UUID_A, 'alpha'), dom(UUID_B, 'beta')] : [dom(UUID_A, 'alpha-on-h2')] }),
    'stats.history': () => [sample(1)],
  });
  const stores = new AppStores(port);
  await act(async () => {
    await stores.start();
  });
  return { port, stores };
}

describe('hooks', () => {
  it('re-render a row only when its own domain changes', async () => {
    const { port, stores } = await setup();
    const renders: Record<string, number> = {};
    const Row = memo(function Row({ uuid }: { uuid: string }): React.JSX.Element {
      const d = useDomain({ connection: 'h1', key: uuid });
      renders[uuid] = (renders[uuid] ?? 0) + 1;
      return <span>{d?.name}</span>;
    });
    function List(): React.JSX.Element {
      const domains = useDomains('h1');
      return <>{domains.map((d) => <Row key={d.key} uuid={d.uuid} />)}</>;
    }
    mount(stores, <List />);
    expect(document.body.textContent).toContain('alphabeta');
    const before = { ...renders };
    act(() => port.emit({ type: 'domains.delta', scope: { connection: 'h1' }, rev: 2, upserted: [{ ...dom(UUID_B, 'beta'), state: 5 }], removed: [] }));
    // beta's row renders again; alpha's (a memoised row whose domain object did not change) does not.
    expect(renders[UUID_B]).toBe((before[UUID_B] ?? 0) + 1);
    expect(renders[UUID_A]).toBe(before[UUID_A]);
    stores.dispose();
  });

  it('hold the host\'s stats watch while a view shows it, release it with the last view, and keep series per connection', async () => {
    const { port, stores } = await setup();
    function Cpu({ connection }: { connection: string }): React.JSX.Element {
      const s = useStats({ connection, key: UUID_A });
      return <i>{s.map((x) => x.cpuPercent).join(',')}</i>;
    }
    const one = mount(stores, <Cpu connection="h1" />);
    const two = mount(stores, <Cpu connection="h1" />);
    const other = mount(stores, <Cpu connection="h2" />);
    await act(async () => {
      await settle();
    });
    expect([...stores.stats.watchedHosts()].sort()).toEqual(['h1', 'h2']);
    act(() => port.emit(statsEvent('h1', 2, { [UUID_A]: sample(40) }, host)));
    act(() => port.emit(statsEvent('h2', 2, { [UUID_A]: sample(70) }, host)));
    expect(document.body.textContent).toBe('1,401,401,70');
    act(() => one.unmount());
    expect([...stores.stats.watchedHosts()].sort()).toEqual(['h1', 'h2']);
    act(() => two.unmount());
    expect(stores.stats.watchedHosts()).toEqual(['h2']);
    act(() => other.unmount());
    roots = [];
    expect(stores.stats.watchedHosts()).toEqual([]);
    expect(port.callsOf('stats.watch').filter((c) => (c as { watch: boolean }).watch).length).toBe(2);
    // Nothing a view subscribed to is left behind.
    expect(stores.stats.listenerCount()).toBe(0);
    expect(stores.domains.listenerCount()).toBe(0);
    stores.dispose();
  });

  it('list a domain\'s snapshots when a view first asks, and leave no listener after unmount', async () => {
    const { port, stores } = await setup();
    function Snaps(): React.JSX.Element {
      const list = useSnapshots('h1', UUID_A);
      const jobs = useJobs();
      const n = useNotifications();
      return <b>{list.length}/{jobs.length}/{n.unread}</b>;
    }
    const root = mount(stores, <Snaps />);
    await act(async () => {
      await settle();
    });
    expect(port.callsOf('snapshots.list')).toEqual([{ connection: 'h1', domain: UUID_A }]);
    act(() => port.emit({ type: 'jobs.delta', scope: null, rev: 5, upserted: [job('j', 'running', 0.2)], removed: [] }));
    act(() => port.emit({ type: 'jobs.delta', scope: null, rev: 6, upserted: [job('j', 'done')], removed: [] }));
    expect(document.body.textContent).toBe('0/1/1');
    act(() => root.unmount());
    roots = [];
    stores.dispose();
    expect(stores.listenerCount()).toBe(0);
    expect(port.listenerCount()).toBe(0);
  });
});
