import {
  Button, SearchInput, ToggleGroup, ToggleGroupItem, Toolbar, ToolbarContent, ToolbarFilter, ToolbarGroup, ToolbarItem, type ToolbarLabel,
} from '@patternfly/react-core';
import ListIcon from '@patternfly/react-icons/dist/esm/icons/list-icon';
import ThIcon from '@patternfly/react-icons/dist/esm/icons/th-icon';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { openNewVm } from '../wizards/newvm/new-vm-launcher.js';
import { ColumnsDropdown } from './ColumnsDropdown.js';
import { FilterSelect } from './FilterSelect.js';
import { VmActionsBar } from './VmActionsBar.js';
import type { ListAction } from './vm-actions.js';
import { STATE_FILTERS, type Filters, type ListView, type OptionalColumn, type StateFilter, type VmItem } from './vm-list-model.js';

const labelKey = (l: string | ToolbarLabel): string => (typeof l === 'string' ? l : l.key);

/** The list's toolbar: actions on the selection, then search and the state, host and tag filters with their labels. */
export function VmListToolbar({ filters, onFilters, hosts, tags, selected, shownCount, totalCount, columns, onColumns, onAction, onTags, searchRef, view, onView }: {
  filters: Filters;
  onFilters: (f: Filters) => void;
  hosts: readonly { key: string; name: string }[];
  tags: readonly string[];
  selected: readonly VmItem[];
  shownCount: number;
  totalCount: number;
  columns: readonly OptionalColumn[];
  onColumns: (c: OptionalColumn[]) => void;
  onAction: (a: ListAction) => void;
  onTags: () => void;
  searchRef: Ref<HTMLInputElement>;
  view: ListView;
  onView: (v: ListView) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const stateName = (s: StateFilter): string => t(`vmlist.stateFilter.${s}`);
  const hostName = (key: string): string => hosts.find((h) => h.key === key)?.name ?? key;
  // Labels are their texts (PatternFly names each one's close button after it); deleting maps a text back to its value.
  const stateLabels = filters.states.map(stateName);
  const hostLabels = filters.hosts.map(hostName);
  const valueOf = <V extends string>(values: readonly V[], text: (v: V) => string, label: string | ToolbarLabel): V | undefined =>
    values.find((v) => text(v) === labelKey(label));
  return (
    <Toolbar className="vm-list-toolbar" clearAllFilters={() => onFilters({ text: '', states: [], hosts: [], tags: [] })}
      clearFiltersButtonText={t('vmlist.clearFilters')}>
      <ToolbarContent>
        <ToolbarItem><Button variant="primary" onClick={() => openNewVm()}>{t('wizards.newvm.button')}</Button></ToolbarItem>
        <VmActionsBar selected={selected} onAction={onAction} onTags={onTags} />
        <ToolbarGroup align={{ default: 'alignEnd' }} variant="action-group-plain">
          <ToolbarItem className="vm-count" aria-live="polite">
            {selected.length > 0
              ? t('vmlist.selectedCount', { count: selected.length, shown: shownCount })
              : shownCount === totalCount ? t('manager.vmCount', { count: totalCount }) : t('vmlist.shownCount', { shown: shownCount, count: totalCount })}
          </ToolbarItem>
          <ToolbarItem>
            <ToggleGroup aria-label={t('vmlist.view.label')}>
              <ToggleGroupItem icon={<ListIcon />} aria-label={t('vmlist.view.list')} isSelected={view === 'list'} onChange={() => onView('list')} />
              <ToggleGroupItem icon={<ThIcon />} aria-label={t('vmlist.view.grid')} isSelected={view === 'grid'} onChange={() => onView('grid')} />
            </ToggleGroup>
          </ToolbarItem>
          {view === 'list' && <ToolbarItem><ColumnsDropdown shown={columns} onChange={onColumns} /></ToolbarItem>}
        </ToolbarGroup>
      </ToolbarContent>
      <ToolbarContent>
        <ToolbarGroup variant="filter-group">
          <ToolbarItem>
            <SearchInput ref={searchRef} className="vm-search" placeholder={t('vmlist.searchPlaceholder')} value={filters.text}
              aria-label={t('vmlist.search')} onChange={(_e, text) => onFilters({ ...filters, text })}
              onClear={() => onFilters({ ...filters, text: '' })} />
          </ToolbarItem>
          <ToolbarFilter categoryName={{ key: 'state', name: t('manager.column.state') }} labels={stateLabels}
            deleteLabel={(_c, l) => onFilters({ ...filters, states: filters.states.filter((s) => s !== valueOf(filters.states, stateName, l)) })}
            deleteLabelGroup={() => onFilters({ ...filters, states: [] })}>
            <FilterSelect id="vm-filter-state" label={t('manager.column.state')} chosen={filters.states}
              options={STATE_FILTERS.map((s) => ({ value: s, label: stateName(s) }))}
              onChange={(states) => onFilters({ ...filters, states })} />
          </ToolbarFilter>
          <ToolbarFilter categoryName={{ key: 'host', name: t('manager.column.host') }} labels={hostLabels}
            deleteLabel={(_c, l) => onFilters({ ...filters, hosts: filters.hosts.filter((h) => h !== valueOf(filters.hosts, hostName, l)) })}
            deleteLabelGroup={() => onFilters({ ...filters, hosts: [] })}>
            <FilterSelect id="vm-filter-host" label={t('manager.column.host')} chosen={filters.hosts}
              options={hosts.map((h) => ({ value: h.key, label: h.name, translate: false }))}
              onChange={(chosen) => onFilters({ ...filters, hosts: chosen })} />
          </ToolbarFilter>
          <ToolbarFilter categoryName={{ key: 'tag', name: t('vmlist.column.tags') }} labels={[...filters.tags]}
            deleteLabel={(_c, l) => onFilters({ ...filters, tags: filters.tags.filter((g) => g !== labelKey(l)) })}
            deleteLabelGroup={() => onFilters({ ...filters, tags: [] })}>
            <FilterSelect id="vm-filter-tag" label={t('vmlist.column.tags')} chosen={filters.tags}
              options={tags.map((g) => ({ value: g, label: g, translate: false }))}
              onChange={(chosen) => onFilters({ ...filters, tags: chosen })} />
          </ToolbarFilter>
        </ToolbarGroup>
      </ToolbarContent>
    </Toolbar>
  );
}
