import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { memo } from 'react';
import type { Translate } from '../components/cached-translate.js';
import { formatBytes } from '../components/format.js';
import { DomainStateIcon } from '../components/DomainStateIcon.js';
import { stateKey } from './domain-state.js';
import { useIpAddress } from './use-ip-address.js';
import { StatSparkline } from './StatSparkline.js';
import { STAT_COLUMNS, osShort, type OptionalColumn, type VmItem } from './vm-list-model.js';

/** Tags shown as labels in a row; the rest are counted in one more label (its title names them). */
const TAGS_SHOWN = 2;

function IpCell({ item }: { item: VmItem }): React.JSX.Element {
  const ip = useIpAddress(item.connection, item.domain.uuid, item.domain.id);
  return <>{ip ?? ''}</>;
}

/** A compact blue label in PatternFly's markup (its Label component measures itself on mount, for a tooltip). */
function TagLabel({ text, title }: { text: string; title?: string }): React.JSX.Element {
  return (
    <span className="pf-v6-c-label pf-m-compact pf-m-blue" title={title}>
      <span className="pf-v6-c-label__content"><span className="pf-v6-c-label__text" translate="no">{text}</span></span>
    </span>
  );
}

export interface RowHandlers {
  onClick(e: React.MouseEvent, index: number): void;
  onCheck(e: React.ChangeEvent<HTMLInputElement>, index: number): void;
  onContextMenu(e: React.MouseEvent, index: number): void;
  /** The row's kebab: its actions menu opens at the button. */
  onMenu(button: HTMLButtonElement, index: number): void;
}

/**
 * One VM of the list: checkbox, state icon and name, state, host, the chosen columns, and its actions' kebab.
 * PatternFly's table markup and classes, written as plain elements: its Td measures itself after each mount (a
 * forced layout per cell) and its actions column mounts a popper per row, which made scrolling thousands of VMs
 * stutter. The one menu a kebab opens is VmRowMenu.
 */
export const VmListRow = memo(function VmListRow({ item, index, columns, selected, focused, menuOpen, hostCpus, handlers, t, lang }: {
  item: VmItem;
  index: number;
  columns: readonly OptionalColumn[];
  selected: boolean;
  focused: boolean;
  menuOpen: boolean;
  hostCpus: number | undefined;
  handlers: RowHandlers;
  t: Translate;
  lang: string;
}): React.JSX.Element {
  const d = item.domain;
  const key = stateKey(d.state);
  const running = d.id >= 0;
  const cell = (c: OptionalColumn): React.JSX.Element => {
    const label = t(`vmlist.column.${c}`);
    const td = (content: React.ReactNode, extra = ''): React.JSX.Element => (
      <td key={c} data-label={label} className={`pf-v6-c-table__td${extra}`}>{content}</td>
    );
    if (STAT_COLUMNS.has(c)) {
      return td(<StatSparkline connection={item.connection} domain={d} running={running} column={c} hostCpus={hostCpus} t={t} lang={lang} />);
    }
    switch (c) {
      case 'vcpus': return td(d.vcpus ?? '', ' vm-number');
      case 'memory': return td(d.memoryBytes ? formatBytes(d.memoryBytes, lang) : '', ' vm-number');
      case 'ip': return <td key={c} data-label={label} className="pf-v6-c-table__td pf-m-truncate" translate="no">{running && <IpCell item={item} />}</td>;
      case 'os': return <td key={c} data-label={label} className="pf-v6-c-table__td pf-m-truncate" translate="no" title={d.osId}>{osShort(d.osId)}</td>;
      case 'autostart': return td(d.autostart ? t('common.yes') : t('common.no'));
      default: {
        const more = d.tags.length - TAGS_SHOWN;
        return td(d.tags.length > 0 && (
          <span className="vm-tags">
            {d.tags.slice(0, more === 1 ? d.tags.length : TAGS_SHOWN).map((tag) => <TagLabel key={tag} text={tag} />)}
            {more > 1 && <TagLabel text={t('common.showMoreCount', { remaining: more })} title={d.tags.slice(TAGS_SHOWN).join(', ')} />}
          </span>
        ));
      }
    }
  };
  const name = d.title ? `${d.name} — ${d.title}` : d.name;
  return (
    <tr aria-label={d.name} data-uuid={d.uuid} data-state={key} data-connection={item.connection} id={`vm-row-${index}`} data-index={index}
      className={`pf-v6-c-table__tr pf-m-clickable vm-row${selected ? ' pf-m-selected' : ''}${focused ? ' vm-row-focused' : ''}`}
      aria-selected={selected}
      onClick={(e) => handlers.onClick(e, index)} onContextMenu={(e) => handlers.onContextMenu(e, index)}>
      <td className="pf-v6-c-table__td pf-v6-c-table__check">
        <div className="pf-v6-c-check pf-m-standalone">
          <input className="pf-v6-c-check__input" type="checkbox" checked={selected} aria-label={t('vmlist.selectRow', { name: d.name })}
            onChange={(e) => handlers.onCheck(e, index)} />
        </div>
      </td>
      <td data-label={t('manager.column.name')} className="pf-v6-c-table__td vm-name-cell">
        <span className="name-cell">
          <DomainStateIcon state={key} />
          <span className="vm-name" translate="no" title={name}>{name}</span>
        </span>
      </td>
      <td data-label={t('manager.column.state')} className="pf-v6-c-table__td">{t(`state.${key}`)}</td>
      <td data-label={t('manager.column.host')} className="pf-v6-c-table__td pf-m-truncate" translate="no">{item.hostName}</td>
      {columns.map(cell)}
      <td className="pf-v6-c-table__td pf-v6-c-table__action">
        <button type="button" className={`pf-v6-c-menu-toggle pf-m-plain${menuOpen ? ' pf-m-expanded' : ''}`} aria-haspopup="menu" aria-expanded={menuOpen}
          aria-label={t('manager.moreActions', { name: d.name })} onClick={(e) => handlers.onMenu(e.currentTarget, index)}>
          <span className="pf-v6-c-menu-toggle__icon"><EllipsisVIcon /></span>
        </button>
      </td>
    </tr>
  );
});
