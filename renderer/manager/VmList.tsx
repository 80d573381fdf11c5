import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ConnectionView } from '../../main/api/contract/index.js';
import { useNavigation } from '../shell/navigation.js';
import { useStores } from '../state/hooks.js';
import { connectionName } from './connection-state.js';
import { HostWatch } from './HostWatch.js';
import { TagsDialog } from './TagsDialog.js';
import { useHostCpus } from './use-host-cpus.js';
import { knownIp } from './use-ip-address.js';
import { useStoredState } from './use-stored-state.js';
import { useVmActions } from './use-vm-actions.js';
import { useVmItems } from './use-vm-items.js';
import type { ListAction } from './vm-actions.js';
import { VmContextMenu } from './VmContextMenu.js';
import { VmRowMenu } from './VmRowMenu.js';
import { VmGrid } from './VmGrid.js';
import {
  DEFAULT_COLUMNS, NO_FILTERS, OPTIONAL_COLUMNS, STAT_COLUMNS, allTags, filterItems, isListView, sortItems, type Filters, type ListView,
  type OptionalColumn, type SortBy, type VmItem,
} from './vm-list-model.js';
import type { RowHandlers } from './VmListRow.js';
import { VmListToolbar } from './VmListToolbar.js';
import { VmTable, type VmTableHandle } from './VmTable.js';
import './vm-list.css';

const isColumns = (v: unknown): v is OptionalColumn[] =>
  Array.isArray(v) && v.every((c) => (OPTIONAL_COLUMNS as readonly unknown[]).includes(c));
const SORTABLE: readonly unknown[] = ['name', 'state', 'host', ...OPTIONAL_COLUMNS];
const isSort = (v: unknown): v is SortBy => typeof v === 'object' && v !== null && SORTABLE.includes((v as SortBy).column)
  && ((v as SortBy).direction === 'asc' || (v as SortBy).direction === 'desc');
/** How often a list sorted by a live figure re-sorts. */
const RESORT_MS = 2000;
const PAGE_ROWS = 10;

/** Every VM of every host in one list: search, filters, sort, columns, multi-select with bulk actions and tags. */
export function VmList({ connections }: { connections: readonly ConnectionView[] }): React.JSX.Element {
  const nav = useNavigation();
  const { stats } = useStores();
  const connected = useMemo(() => connections.filter((c) => c.state.state === 'connected'), [connections]);
  const items = useVmItems(connected);
  const [columns, setColumns] = useStoredState<OptionalColumn[]>('hangar.vmlist.columns', [...DEFAULT_COLUMNS], isColumns);
  const [sortBy, setSortBy] = useStoredState<SortBy>('hangar.vmlist.sort', { column: 'name', direction: 'asc' }, isSort);
  const [view, setView] = useStoredState<ListView>('hangar.vmlist.view', 'list', isListView);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const deferredFilters = useDeferredValue(filters);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState(-1);
  const [focusIndex, setFocusIndex] = useState(0);
  const [menu, setMenu] = useState<{ x: number; y: number } | undefined>();
  /** A row's kebab menu: which VM, and where its button is. */
  const [rowMenu, setRowMenu] = useState<{ id: string; anchor: DOMRect; button: HTMLButtonElement } | undefined>();
  const [tagging, setTagging] = useState<readonly VmItem[] | undefined>();
  const [tick, setTick] = useState(0);
  const search = useRef<HTMLInputElement>(null);
  const table = useRef<VmTableHandle>(null);
  const actions = useVmActions();

  const shownHosts = useMemo(() => connected.filter((c) => filters.hosts.length === 0 || filters.hosts.includes(c.key)).map((c) => c.key),
    [connected, filters.hosts]);
  const hostCpus = useHostCpus(shownHosts);
  const statsSort = STAT_COLUMNS.has(sortBy.column as OptionalColumn);
  const wantStats = view === 'list' && (statsSort || columns.some((c) => STAT_COLUMNS.has(c)));

  useEffect(() => {
    if (!statsSort) return;
    const timer = setInterval(() => setTick((n) => n + 1), RESORT_MS);
    return () => clearInterval(timer);
  }, [statsSort]);

  const rows = useMemo(() => {
    void tick;
    const shown = filterItems(items, deferredFilters);
    return sortItems(shown, sortBy, {
      latest: (i) => stats.history(i.connection, i.domain.uuid).at(-1),
      hostCpus: (c) => hostCpus.get(c),
      ip: (i) => knownIp(i.connection, i.domain.uuid, i.domain.id),
    });
  }, [items, deferredFilters, sortBy, stats, hostCpus, tick]);
  const tags = useMemo(() => allTags(items), [items]);
  const selectedItems = useMemo(() => rows.filter((r) => selected.has(r.id)), [rows, selected]);

  // Ctrl+F searches the list while the Manager tab is open.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const open = useCallback((item: VmItem) => nav.open({ kind: 'vm', connection: item.connection, key: item.domain.key }), [nav]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const stateRef = useRef({ selected, anchor });
  stateRef.current = { selected, anchor };

  const selectRange = (from: number, to: number, add: boolean): void => {
    const [a, b] = from <= to ? [from, to] : [to, from];
    const next = new Set(add ? stateRef.current.selected : []);
    for (const r of rowsRef.current.slice(Math.max(0, a), b + 1)) next.add(r.id);
    setSelected(next);
  };
  const toggle = (index: number): void => {
    const id = rowsRef.current[index]?.id;
    if (id === undefined) return;
    const next = new Set(stateRef.current.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
    setAnchor(index);
  };
  const selectOnly = (index: number): void => {
    const id = rowsRef.current[index]?.id;
    setSelected(new Set(id === undefined ? [] : [id]));
    setAnchor(index);
  };

  const handlersRef = useRef<RowHandlers | null>(null);
  handlersRef.current = {
    onClick: (e, index) => {
      if ((e.target as HTMLElement).closest('button, input, a, .pf-v6-c-menu')) return;
      setFocusIndex(index);
      table.current?.focus();
      if (e.shiftKey && stateRef.current.anchor >= 0) selectRange(stateRef.current.anchor, index, e.ctrlKey || e.metaKey);
      else if (e.ctrlKey || e.metaKey) toggle(index);
      else selectOnly(index);
      if (e.detail === 2) {
        const item = rowsRef.current[index];
        if (item) open(item);
      }
    },
    onCheck: (e, index) => {
      const native = e.nativeEvent as MouseEvent | Event;
      setFocusIndex(index);
      if ('shiftKey' in native && native.shiftKey && stateRef.current.anchor >= 0) selectRange(stateRef.current.anchor, index, true);
      else toggle(index);
    },
    onContextMenu: (e, index) => {
      e.preventDefault();
      const id = rowsRef.current[index]?.id;
      if (id !== undefined && !stateRef.current.selected.has(id)) selectOnly(index);
      setFocusIndex(index);
      setMenu({ x: e.clientX, y: e.clientY });
    },
    onMenu: (button, index) => {
      const id = rowsRef.current[index]?.id;
      if (id === undefined) return;
      setFocusIndex(index);
      setRowMenu((m) => (m?.id === id ? undefined : { id, anchor: button.getBoundingClientRect(), button }));
    },
  };
  // Rows get one stable object: they re-render for their own data, not for each of the list's.
  const handlers = useMemo<RowHandlers>(() => ({
    onClick: (e, i) => handlersRef.current?.onClick(e, i),
    onCheck: (e, i) => handlersRef.current?.onCheck(e, i),
    onContextMenu: (e, i) => handlersRef.current?.onContextMenu(e, i),
    onMenu: (b, i) => handlersRef.current?.onMenu(b, i),
  }), []);

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if ((e.target as HTMLElement).closest('button, input, a, .pf-v6-c-menu')) return;
    const last = rows.length - 1;
    const move = (to: number): void => {
      const index = Math.max(0, Math.min(last, to));
      e.preventDefault();
      setFocusIndex(index);
      table.current?.scrollToIndex(index);
      if (e.shiftKey) selectRange(anchor >= 0 ? anchor : focusIndex, index, false);
      else if (!(e.ctrlKey || e.metaKey)) selectOnly(index);
    };
    const focused = rows[focusIndex];
    switch (e.key) {
      case 'ArrowDown': return move(focusIndex + 1);
      case 'ArrowUp': return move(focusIndex - 1);
      case 'PageDown': return move(focusIndex + PAGE_ROWS);
      case 'PageUp': return move(focusIndex - PAGE_ROWS);
      case 'Home': return move(0);
      case 'End': return move(last);
      case ' ':
        e.preventDefault();
        toggle(focusIndex);
        return;
      case 'Enter':
        e.preventDefault();
        if (focused) open(focused);
        return;
      case 'Delete':
        e.preventDefault();
        actionOn('delete');
        return;
      case 'a':
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          setSelected(new Set(rows.map((r) => r.id)));
        }
        return;
    }
  };
  /** The selection, or the focused row when nothing is selected. */
  const targets = (): readonly VmItem[] => {
    if (selectedItems.length > 0) return selectedItems;
    const focused = rows[focusIndex];
    return focused ? [focused] : [];
  };
  const actionOn = (action: ListAction): void => actions.request(action, targets());
  const closeMenu = useCallback(() => setMenu(undefined), []);
  const closeRowMenu = useCallback((refocus: boolean) => setRowMenu((m) => {
    if (refocus) m?.button.focus();
    return undefined;
  }), []);
  const rowMenuItem = rowMenu && rows.find((r) => r.id === rowMenu.id);

  return (
    <div className="vm-list">
      {wantStats && shownHosts.map((c) => <HostWatch key={c} connection={c} />)}
      <VmListToolbar filters={filters} onFilters={setFilters} tags={tags} selected={selectedItems} shownCount={rows.length}
        totalCount={items.length} columns={columns} onColumns={setColumns} onAction={actionOn} onTags={() => setTagging(selectedItems)}
        hosts={connected.map((c) => ({ key: c.key, name: connectionName(c) }))} searchRef={search} view={view} onView={setView} />
      {view === 'grid' && <VmGrid items={rows} onOpen={(item) => nav.open({ kind: 'vm', connection: item.connection, key: item.domain.key, page: 'console' })} />}
      {view === 'list' && <VmTable items={rows} columns={columns} selected={selected} focusIndex={focusIndex} menuFor={rowMenuItem?.id} sortBy={sortBy} onSort={setSortBy}
        allSelected={rows.length > 0 && selectedItems.length === rows.length} hostCpus={hostCpus} handlers={handlers}
        onSelectAll={(all) => setSelected(new Set(all ? rows.map((r) => r.id) : []))} onKeyDown={onKeyDown} handle={table} />}
      {menu && (
        <VmContextMenu x={menu.x} y={menu.y} selected={targets()} onClose={closeMenu} onAction={actionOn}
          onTags={() => setTagging(targets())} onOpen={() => {
            const [only] = targets();
            if (only) open(only);
          }} />
      )}
      {rowMenu && rowMenuItem && (
        <VmRowMenu item={rowMenuItem} anchor={rowMenu.anchor} onClose={closeRowMenu} onAction={(a, item) => actions.request(a, [item])}
          onTags={(item) => setTagging([item])} onOpen={open} />
      )}
      {tagging && <TagsDialog selected={tagging} known={tags} onClose={() => setTagging(undefined)} />}
      {actions.dialog}
    </div>
  );
}
