import { Nav, NavItem, NavList, Tooltip } from '@patternfly/react-core';
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
function Marks({ changed, pending }: { changed: boolean; pending: boolean }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!changed && !pending) return null;
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

/** The hardware list, as virt-manager's: the VM's own pages, then one entry per device of its definition. */
export const HardwareList = memo(function HardwareList({ items, selected, changed, pending, onSelect }: {
  items: readonly HardwareItem[];
  selected: ItemKey;
  changed: ReadonlySet<ItemKey>;
  pending: ReadonlySet<ItemKey>;
  onSelect: (key: ItemKey) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Nav aria-label={t('vmdetails.list.label')} className="vm-hw-list" onSelect={(_e, { itemId }) => onSelect(itemId as ItemKey)}>
      <NavList>
        {items.map((item) => {
          const Icon = item.icon;
          return (
            <NavItem key={item.key} itemId={item.key} isActive={item.key === selected} data-item={item.key} icon={<Icon />}>
              <span className="vm-hw-label" translate={item.key.startsWith('dev:') ? 'no' : undefined}>{item.label}</span>
              <Marks changed={changed.has(item.key)} pending={pending.has(item.key)} />
            </NavItem>
          );
        })}
      </NavList>
    </Nav>
  );
});
