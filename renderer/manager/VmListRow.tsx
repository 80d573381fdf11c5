import { Label, LabelGroup, MenuToggle } from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { ActionsColumn, Td, Tr, type IAction } from '@patternfly/react-table';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../components/format.js';
import { DomainStateIcon } from '../components/DomainStateIcon.js';
import { stateKey } from './domain-state.js';
import { useIpAddress } from './use-ip-address.js';
import { actionLabelKey } from './use-vm-actions.js';
import { StatSparkline } from './StatSparkline.js';
import { appliesTo, type ListAction } from './vm-actions.js';
import { STAT_COLUMNS, osShort, type OptionalColumn, type VmItem } from './vm-list-model.js';

const ROW_ACTIONS: readonly ListAction[] = ['start', 'pause', 'resume', 'shutdown', 'reboot', 'reset', 'forceoff', 'save'];

function IpCell({ item }: { item: VmItem }): React.JSX.Element {
  const ip = useIpAddress(item.connection, item.domain.uuid, item.domain.id);
  return <>{ip ?? ''}</>;
}

export interface RowHandlers {
  onClick(e: React.MouseEvent, index: number): void;
  onCheck(e: React.FormEvent<HTMLInputElement>, index: number, checked: boolean): void;
  onContextMenu(e: React.MouseEvent, index: number): void;
  onAction(action: ListAction, item: VmItem): void;
  onTags(item: VmItem): void;
  onOpen(item: VmItem): void;
}

/** One VM of the list: checkbox, state icon and name, state, host, the chosen columns, and its actions. */
export const VmListRow = memo(function VmListRow({ item, index, columns, selected, focused, hostCpus, handlers }: {
  item: VmItem;
  index: number;
  columns: readonly OptionalColumn[];
  selected: boolean;
  focused: boolean;
  hostCpus: number | undefined;
  handlers: RowHandlers;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const d = item.domain;
  const key = stateKey(d.state);
  const running = d.id >= 0;
  const items: IAction[] = [
    ...ROW_ACTIONS.filter((a) => appliesTo(a, item)).map((a) => ({
      title: t(actionLabelKey(a, [item])), isDanger: a === 'forceoff' || a === 'reset', onClick: () => handlers.onAction(a, item),
    })),
    { isSeparator: true },
    { title: t('vmlist.tagsEllipsis'), onClick: () => handlers.onTags(item) },
    { title: t('vmlist.action.delete'), isDanger: true, onClick: () => handlers.onAction('delete', item) },
    { isSeparator: true },
    { title: t('vmlist.open'), onClick: () => handlers.onOpen(item) },
  ];
  const cell = (c: OptionalColumn): React.JSX.Element => {
    const label = t(`vmlist.column.${c}`);
    if (STAT_COLUMNS.has(c)) {
      return <Td key={c} dataLabel={label}>{running && <StatSparkline connection={item.connection} domain={d} column={c} hostCpus={hostCpus} />}</Td>;
    }
    switch (c) {
      case 'vcpus': return <Td key={c} dataLabel={label} className="vm-number">{d.vcpus ?? ''}</Td>;
      case 'memory': return <Td key={c} dataLabel={label} className="vm-number">{d.memoryBytes ? formatBytes(d.memoryBytes, i18n.language) : ''}</Td>;
      case 'ip': return <Td key={c} dataLabel={label} translate="no" modifier="truncate">{running && <IpCell item={item} />}</Td>;
      case 'os': return <Td key={c} dataLabel={label} translate="no" modifier="truncate" title={d.osId}>{osShort(d.osId)}</Td>;
      case 'autostart': return <Td key={c} dataLabel={label}>{d.autostart ? t('common.yes') : t('common.no')}</Td>;
      default: return (
        <Td key={c} dataLabel={label}>
          {d.tags.length > 0 && (
            <LabelGroup numLabels={2} isCompact collapsedText={t('common.showMoreCount', { remaining: '${remaining}' })}
              expandedText={t('common.showLess')}>
              {d.tags.map((tag) => <Label key={tag} isCompact color="blue" translate="no">{tag}</Label>)}
            </LabelGroup>
          )}
        </Td>
      );
    }
  };
  return (
    <Tr aria-label={d.name} data-uuid={d.uuid} data-state={key} data-connection={item.connection} isRowSelected={selected}
      isClickable className={focused ? 'vm-row vm-row-focused' : 'vm-row'} id={`vm-row-${index}`} data-index={index}
      onClick={(e) => handlers.onClick(e, index)} onContextMenu={(e) => handlers.onContextMenu(e, index)}>
      <Td select={{ rowIndex: index, isSelected: selected, onSelect: (e, checked) => handlers.onCheck(e, index, checked) }} />
      <Td dataLabel={t('manager.column.name')} className="vm-name-cell">
        <span className="name-cell">
          <DomainStateIcon state={key} />
          <span className="vm-name" translate="no" title={d.title ? `${d.name} — ${d.title}` : d.name}>{d.title ? `${d.name} — ${d.title}` : d.name}</span>
        </span>
      </Td>
      <Td dataLabel={t('manager.column.state')}>{t(`state.${key}`)}</Td>
      <Td dataLabel={t('manager.column.host')} translate="no" modifier="truncate">{item.hostName}</Td>
      {columns.map(cell)}
      <Td isActionCell>
        <ActionsColumn items={items} popperProps={{ position: 'right' }}
          actionsToggle={({ onToggle, isOpen, isDisabled, toggleRef }) => (
            <MenuToggle ref={toggleRef} variant="plain" isExpanded={isOpen} isDisabled={isDisabled} onClick={onToggle}
              aria-label={t('manager.moreActions', { name: d.name })} icon={<EllipsisVIcon />} />
          )} />
      </Td>
    </Tr>
  );
});
