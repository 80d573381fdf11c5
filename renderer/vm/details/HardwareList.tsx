import { Tooltip } from '@patternfly/react-core';
import ChartLineIcon from '@patternfly/react-icons/dist/esm/icons/chart-line-icon';
import CpuIcon from '@patternfly/react-icons/dist/esm/icons/cpu-icon';
import CubeIcon from '@patternfly/react-icons/dist/esm/icons/cube-icon';
import InProgressIcon from '@patternfly/react-icons/dist/esm/icons/in-progress-icon';
import InfoCircleIcon from '@patternfly/react-icons/dist/esm/icons/info-circle-icon';
import ListOlIcon from '@patternfly/react-icons/dist/esm/icons/list-ol-icon';
import MemoryIcon from '@patternfly/react-icons/dist/esm/icons/memory-icon';
import OsImageIcon from '@patternfly/react-icons/dist/esm/icons/os-image-icon';
import PencilAltIcon from '@patternfly/react-icons/dist/esm/icons/pencil-alt-icon';
import { memo, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Section, ItemKey } from './sections.js';

export const SECTION_ICONS: Readonly<Record<Section, ComponentType>> = {
  overview: InfoCircleIcon,
  osinfo: OsImageIcon,
  performance: ChartLineIcon,
  cpus: CpuIcon,
  memory: MemoryIcon,
  boot: ListOlIcon,
};

export const UNKNOWN_DEVICE_ICON: ComponentType = CubeIcon;

export interface HardwareItem {
  readonly key: ItemKey;
  readonly label: string;
  readonly icon: ComponentType;
}

/** Marks beside an entry: edited and not applied yet; applied but waiting for the VM to shut down. */
function Marks({ changed, pending }: { changed: boolean; pending: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className="vm-hw-marks">
      {changed && (
        <Tooltip content={t('vmdetails.list.changed')}>
          <span className="vm-hw-mark" data-mark="changed" aria-label={t('vmdetails.list.changed')} role="img"><PencilAltIcon /></span>
        </Tooltip>
      )}
      {pending && (
        <Tooltip content={t('vmdetails.list.pending')}>
          <span className="vm-hw-mark" data-mark="pending" aria-label={t('vmdetails.list.pending')} role="img"><InProgressIcon /></span>
        </Tooltip>
      )}
    </span>
  );
}

const Entry = memo(function Entry({ item, current, changed, pending, onSelect }: {
  item: HardwareItem;
  current: boolean;
  changed: boolean;
  pending: boolean;
  onSelect: (key: ItemKey) => void;
}): React.JSX.Element {
  const Icon = item.icon;
  return (
    <li className="vm-hw-item" data-item={item.key}>
      <button type="button" className={current ? 'vm-hw-link vm-hw-current' : 'vm-hw-link'} aria-current={current ? 'page' : undefined}
        onClick={() => onSelect(item.key)}>
        <span className="vm-hw-icon"><Icon /></span>
        {/* Device labels carry names (targets, MACs): not for translation. */}
        <span className="vm-hw-label" translate={item.key.startsWith('dev:') ? 'no' : undefined}>{item.label}</span>
        {(changed || pending) && <Marks changed={changed} pending={pending} />}
      </button>
    </li>
  );
});

/**
 * The hardware list, as virt-manager's: the VM's own pages, then one entry per device of its definition. Plain
 * buttons in a list (a VM has dozens of devices; the list re-renders with every edit), each entry memoised.
 */
export const HardwareList = memo(function HardwareList({ items, selected, changed, pending, onSelect }: {
  items: readonly HardwareItem[];
  selected: ItemKey;
  changed: ReadonlySet<ItemKey>;
  pending: ReadonlySet<ItemKey>;
  onSelect: (key: ItemKey) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('vmdetails.list.label')} className="vm-hw-list">
      <ul className="vm-hw-items">
        {items.map((item) => (
          <Entry key={item.key} item={item} current={item.key === selected} changed={changed.has(item.key)} pending={pending.has(item.key)} onSelect={onSelect} />
        ))}
      </ul>
    </nav>
  );
});
