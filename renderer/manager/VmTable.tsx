import { Table, Tbody, Th, Thead, Tr, type ThProps } from '@patternfly/react-table';
import { useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { cachedTranslate } from '../components/cached-translate.js';
import { VmListRow, type RowHandlers } from './VmListRow.js';
import type { OptionalColumn, SortBy, SortColumn, VmItem } from './vm-list-model.js';

/** Every row is one line high (names and labels are cut, not wrapped), so the virtualizer needs no measuring. */
export const ROW_HEIGHT = 41;
/** One fast frame's worth of rows (300 px) beyond the edge the list scrolls towards (each edge before any scroll). */
const OVERSCAN = 8;
/** Rows kept beyond the edge the list last scrolled away from. */
const OVERSCAN_BEHIND = 2;

/**
 * The rows to render: the ones in view, OVERSCAN beyond the edge the list scrolls towards and OVERSCAN_BEHIND beyond
 * the other (every rendered row gets another VM's contents each frame, so fewer rows, less work). A frame that turns
 * the other way renders its rows in its scroll event (the virtualizer flushes synchronously) before it paints, so
 * the small side never shows blank; the large one covers a frame the compositor scrolls ahead of the page.
 */
function extractRange(range: Range, direction: 'forward' | 'backward' | null): number[] {
  const before = direction === 'forward' ? OVERSCAN_BEHIND : range.overscan;
  const after = direction === 'backward' ? OVERSCAN_BEHIND : range.overscan;
  const start = Math.max(range.startIndex - before, 0);
  const end = Math.min(range.endIndex + after, range.count - 1);
  const indexes: number[] = [];
  for (let i = start; i <= end; i++) indexes.push(i);
  return indexes;
}
/** Column widths in rem (see vm-list.css), for the table's least width: past it the list scrolls sideways. */
const WIDTHS: Record<string, number> = {
  select: 3, name: 9, state: 6.5, host: 7, guestCpu: 8, hostCpu: 8, memoryUsage: 8, diskIo: 8, netIo: 8, vcpus: 5, memory: 5.5,
  ip: 8.5, os: 7, tags: 10, autostart: 6, actions: 3.5,
};
const BOTTOM_GAP = 24;

/** The list fills the window below where it starts. */
function useFillHeight(el: React.RefObject<HTMLElement | null>): number | undefined {
  const [height, setHeight] = useState<number | undefined>();
  useLayoutEffect(() => {
    const fit = (): void => {
      const top = el.current?.getBoundingClientRect().top;
      if (top !== undefined) setHeight(Math.max(256, window.innerHeight - top - BOTTOM_GAP));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(document.body);
    addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      removeEventListener('resize', fit);
    };
  }, [el]);
  return height;
}

export interface VmTableHandle {
  focus(): void;
  scrollToIndex(index: number): void;
}

/**
 * The rows in view, with the virtualizer: scrolling renders only this, not the Table (whose context would make every
 * cell render again, and PatternFly's Th and Td measure themselves, a forced layout, after each render).
 */
function VmTableBody({ scroller, scrollElement, items, columns, selected, focusIndex, menuFor, hostCpus, handlers, handle }: {
  scroller: React.RefObject<HTMLDivElement | null>;
  /** The scroller once mounted (a ref is attached after this child's effects run, so it comes as state too). */
  scrollElement: HTMLDivElement | null;
  items: readonly VmItem[];
  columns: readonly OptionalColumn[];
  selected: ReadonlySet<string>;
  focusIndex: number;
  menuFor: string | undefined;
  hostCpus: ReadonlyMap<string, number>;
  handlers: RowHandlers;
  handle: Ref<VmTableHandle>;
}): React.JSX.Element {
  // One translator for every row (a hook per row and cell cost more than the cells while scrolling).
  const { t: translate, i18n } = useTranslation();
  const t = useMemo(() => cachedTranslate(translate), [translate]);
  const self = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  // The virtualizer renders again when the direction changes; a new extractor makes it pick its rows again.
  const direction = self.current?.isScrolling ? self.current.scrollDirection : null;
  const rangeExtractor = useCallback((range: Range) => extractRange(range, direction), [direction]);
  const virtualizer = useVirtualizer({
    count: items.length,
    rangeExtractor,
    getScrollElement: () => scrollElement,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The list is at most the window's height: with that guess the first render already has the rows in view, where
    // it had none until the scroller was mounted and measured (two more passes over the page before any VM showed).
    initialRect: { width: 0, height: window.innerHeight },
    // The sticky header sits over the first rows: keep focused rows clear of it.
    scrollPaddingStart: ROW_HEIGHT,
  });
  self.current = virtualizer;
  useImperativeHandle(handle, () => ({
    focus: () => scroller.current?.focus({ preventScroll: true }),
    scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  }), [virtualizer]);
  useEffect(() => {
    if (focusIndex >= items.length && items.length > 0) virtualizer.scrollToIndex(items.length - 1);
  }, [focusIndex, items.length, virtualizer]);

  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const padTop = rows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
  const span = 5 + columns.length;
  return (
    <Tbody>
      {/* Plain cells: a Td would measure itself after each scroll. */}
      {padTop > 0 && <tr className="vm-spacer" aria-hidden><td colSpan={span} style={{ height: padTop }} /></tr>}
      {rows.map((v) => {
        const item = items[v.index];
        if (!item) return null;
        // Keyed by place in the window, not by VM: scrolling gives the same <tr>s other VMs' contents instead of
        // making new ones, and a changed text costs no style recalculation where a new element (PatternFly's
        // thousands of custom properties on each) does.
        return (
          <VmListRow key={v.index - first} item={item} index={v.index} columns={columns} selected={selected.has(item.id)}
            focused={v.index === focusIndex} menuOpen={menuFor === item.id} hostCpus={hostCpus.get(item.connection)} handlers={handlers}
            t={t} lang={i18n.language} />
        );
      })}
      {padBottom > 0 && <tr className="vm-spacer" aria-hidden><td colSpan={span} style={{ height: padBottom }} /></tr>}
    </Tbody>
  );
}

/**
 * The VM list's table: PatternFly markup, but only the rows in view (and a few around) are in the DOM, between
 * two spacer rows that keep the scroll height of them all.
 */
export function VmTable({ items, columns, selected, focusIndex, menuFor, sortBy, onSort, allSelected, onSelectAll, hostCpus, handlers, onKeyDown, handle }: {
  items: readonly VmItem[];
  columns: readonly OptionalColumn[];
  selected: ReadonlySet<string>;
  focusIndex: number;
  /** The row whose actions menu is open. */
  menuFor: string | undefined;
  sortBy: SortBy;
  onSort: (by: SortBy) => void;
  allSelected: boolean;
  onSelectAll: (select: boolean) => void;
  hostCpus: ReadonlyMap<string, number>;
  handlers: RowHandlers;
  onKeyDown: (e: React.KeyboardEvent) => void;
  handle: Ref<VmTableHandle>;
}): React.JSX.Element {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const attach = useCallback((el: HTMLDivElement | null) => {
    scroller.current = el;
    setScrollElement(el);
  }, []);
  const height = useFillHeight(scroller);
  const minWidth = ['select', 'name', 'state', 'host', ...columns, 'actions'].reduce((sum, c) => sum + (WIDTHS[c] ?? 6), 0);
  const order: SortColumn[] = ['name', 'state', 'host', ...columns];
  const sort = (column: SortColumn): ThProps['sort'] => ({
    sortBy: { index: order.indexOf(sortBy.column), direction: sortBy.direction, defaultDirection: 'asc' },
    onSort: (_e, _i, direction) => onSort({ column, direction }),
    columnIndex: order.indexOf(column),
  });

  return (
    <div ref={attach} className="vm-list-scroll" tabIndex={0} style={height === undefined ? undefined : { height }} onKeyDown={onKeyDown} role="region" aria-label={t('vmlist.tableRegion')}>
      <Table aria-label={t('vmlist.tableLabel')} variant="compact" isStickyHeader className="vm-list-table" data-rows={items.length}
        style={{ minWidth: `${minWidth}rem` }}>
        <Thead>
          <Tr>
            <Th className="vm-col-select" select={{ onSelect: (_e, isSelecting) => onSelectAll(isSelecting), isSelected: allSelected }}
              aria-label={t('vmlist.selectAll')} />
            <Th className="vm-col-name" sort={sort('name')}>{t('manager.column.name')}</Th>
            <Th className="vm-col-state" sort={sort('state')}>{t('manager.column.state')}</Th>
            <Th className="vm-col-host" sort={sort('host')}>{t('manager.column.host')}</Th>
            {columns.map((c) => <Th key={c} className={`vm-col-${c}`} sort={sort(c)} modifier="wrap">{t(`vmlist.column.${c}`)}</Th>)}
            <Th className="vm-col-actions" screenReaderText={t('manager.column.actions')} />
          </Tr>
        </Thead>
        <VmTableBody scroller={scroller} scrollElement={scrollElement} items={items} columns={columns} selected={selected} focusIndex={focusIndex}
          menuFor={menuFor} hostCpus={hostCpus} handlers={handlers} handle={handle} />
      </Table>
    </div>
  );
}
