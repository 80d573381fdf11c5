import { NavItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../main/api/contract/index.js';
import { DomainStateIcon } from '../components/DomainStateIcon.js';
import { ConnectionStateLabel } from '../manager/ConnectionStateLabel.js';
import { connectionName } from '../manager/connection-state.js';
import { stateKey } from '../manager/domain-state.js';
import { useDomains, useNetworks, useNodeDevices, usePools } from '../state/hooks.js';
import { useNavigation } from './navigation.js';
import { SidebarEntries } from './SidebarEntries.js';
import { SidebarGroup } from './SidebarGroup.js';
import { tabId, type HostSection } from './routes.js';

/**
 * One connection in the sidebar: its state, and when connected its VMs, networks, pools and devices. It starts open
 * when the window has few hosts (`initiallyExpanded`); with many, a tree of every host's VMs would be a list nobody
 * reads, and the manager lists them all anyway.
 */
export function SidebarHost({ connection, initiallyExpanded }: { connection: ConnectionView; initiallyExpanded: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const nav = useNavigation();
  const id = connection.key;
  const domains = useDomains(id);
  const networks = useNetworks(id);
  const pools = usePools(id);
  const devices = useNodeDevices(id);
  const connected = connection.state.state === 'connected';
  const name = connectionName(connection);
  const hostTabActive = nav.activeId === tabId({ kind: 'host', connection: id, section: 'overview' });
  const openHost = (section: HostSection): void => nav.open({ kind: 'host', connection: id, section });
  // The host's other objects: each group's entries open the host tab at its section.
  const groups: readonly (readonly [string, readonly { key: string; name: string }[], HostSection])[] = [
    ['sidebar.networks', networks, 'networks'], ['sidebar.pools', pools, 'storage'], ['sidebar.devices', devices, 'devices'],
  ];

  return (
    <SidebarGroup initiallyExpanded={initiallyExpanded} data-connection={id} data-connection-state={connection.state.state}
      buttonProps={{ 'aria-label': name }}
      title={(
        <span className="sidebar-host">
          <span className="sidebar-host-name" translate="no">{name}</span>
          <ConnectionStateLabel state={connection.state} compact />
        </span>
      )}>
      {() => (
        <>
          <NavItem component="button" isActive={hostTabActive} onClick={() => openHost('overview')}>{t('sidebar.hostDetails')}</NavItem>
          {connected && (
            <>
              <SidebarGroup title={t('sidebar.vms', { count: domains.length })} initiallyExpanded>
                {() => (
                  <SidebarEntries items={domains} onMore={() => nav.open({ kind: 'manager' })} entry={(d) => (
                    <NavItem component="button" key={d.key} isActive={nav.activeId === tabId({ kind: 'vm', connection: id, key: d.key })}
                      onClick={() => nav.open({ kind: 'vm', connection: id, key: d.key })} data-vm={d.name} translate="no"
                      icon={<DomainStateIcon state={stateKey(d.state)} />}>
                      {d.name}
                    </NavItem>
                  )} />
                )}
              </SidebarGroup>
              {groups.map(([title, items, section]) => (
                <SidebarGroup key={section} title={t(title, { count: items.length })}>
                  {() => <SidebarEntries items={items} onMore={() => openHost(section)} entry={(o) => (
                    <NavItem component="button" key={o.key} onClick={() => openHost(section)} translate="no">{o.name}</NavItem>
                  )} />}
                </SidebarGroup>
              ))}
            </>
          )}
        </>
      )}
    </SidebarGroup>
  );
}
