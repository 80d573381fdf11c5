import { NavExpandable, NavItem } from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../main/api/contract/index.js';
import { DomainStateIcon } from '../components/DomainStateIcon.js';
import { ConnectionStateLabel } from '../manager/ConnectionStateLabel.js';
import { connectionName } from '../manager/connection-state.js';
import { stateKey } from '../manager/domain-state.js';
import { useDomains, useNetworks, useNodeDevices, usePools } from '../state/hooks.js';
import { useNavigation } from './navigation.js';
import { tabId, type HostSection } from './routes.js';

/** Entries listed per group; a host with 1,000 VMs shows the first ones and "all in the manager". */
const CAP = 50;
const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const sortByName = <T extends { name: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => byName.compare(a.name, b.name));

/** One connection in the sidebar: its state, and when connected its VMs, networks, pools and devices. */
export function SidebarHost({ connection }: { connection: ConnectionView }): React.JSX.Element {
  const { t } = useTranslation();
  const nav = useNavigation();
  const id = connection.key;
  const domains = useDomains(id);
  const networks = useNetworks(id);
  const pools = usePools(id);
  const devices = useNodeDevices(id);
  const [expanded, setExpanded] = useState(true);
  const connected = connection.state.state === 'connected';
  const name = connectionName(connection);
  const sortedDomains = useMemo(() => sortByName(domains), [domains]);
  const hostTabActive = nav.activeId === tabId({ kind: 'host', connection: id, section: 'overview' });
  const openHost = (section: HostSection): void => nav.open({ kind: 'host', connection: id, section });

  const more = (count: number, onClick: () => void): React.JSX.Element | null => (count > CAP ? (
    <NavItem component="button" onClick={onClick} className="sidebar-more">{t('sidebar.more', { count: count - CAP })}</NavItem>
  ) : null);

  return (
    <NavExpandable isExpanded={expanded} onExpand={(_e, v) => setExpanded(v)} data-connection={id} data-connection-state={connection.state.state}
      buttonProps={{ 'aria-label': name }}
      title={(
        <span className="sidebar-host">
          <span className="sidebar-host-name" translate="no">{name}</span>
          <ConnectionStateLabel state={connection.state} compact />
        </span>
      )}>
      <NavItem component="button" isActive={hostTabActive} onClick={() => openHost('overview')}>{t('sidebar.hostDetails')}</NavItem>
      {connected && (
        <>
          <NavExpandable title={t('sidebar.vms', { count: domains.length })} isExpanded>
            {sortedDomains.slice(0, CAP).map((d) => (
              <NavItem component="button" key={d.key} isActive={nav.activeId === tabId({ kind: 'vm', connection: id, key: d.key })}
                onClick={() => nav.open({ kind: 'vm', connection: id, key: d.key })} data-vm={d.name} translate="no"
                icon={<DomainStateIcon state={stateKey(d.state)} />}>
                {d.name}
              </NavItem>
            ))}
            {more(domains.length, () => nav.open({ kind: 'manager' }))}
          </NavExpandable>
          <NavExpandable title={t('sidebar.networks', { count: networks.length })}>
            {sortByName(networks).slice(0, CAP).map((n) => (
              <NavItem component="button" key={n.key} onClick={() => openHost('networks')} translate="no">{n.name}</NavItem>
            ))}
            {more(networks.length, () => openHost('networks'))}
          </NavExpandable>
          <NavExpandable title={t('sidebar.pools', { count: pools.length })}>
            {sortByName(pools).slice(0, CAP).map((p) => (
              <NavItem component="button" key={p.key} onClick={() => openHost('storage')} translate="no">{p.name}</NavItem>
            ))}
            {more(pools.length, () => openHost('storage'))}
          </NavExpandable>
          <NavExpandable title={t('sidebar.devices', { count: devices.length })}>
            {sortByName(devices).slice(0, CAP).map((d) => (
              <NavItem component="button" key={d.key} onClick={() => openHost('devices')} translate="no">{d.name}</NavItem>
            ))}
            {more(devices.length, () => openHost('devices'))}
          </NavExpandable>
        </>
      )}
    </NavExpandable>
  );
}
