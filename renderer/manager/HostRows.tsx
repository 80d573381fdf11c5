import { Button, Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { Tbody, Td, Tr } from '@patternfly/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../main/api/contract/index.js';
import { useNavigation } from '../shell/navigation.js';
import { useApi, useDomains, useNotifications } from '../state/hooks.js';
import { ConnectionError } from './ConnectionError.js';
import { ConnectionStateLabel } from './ConnectionStateLabel.js';
import { connectionName } from './connection-state.js';
import { VmRow } from './VmRow.js';

/** Rows shown per host before "Show more": a 1,000-VM host costs a page, not a thousand rows. */
const PAGE = 100;

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A connection as a group of the manager's table: its row (state, connect, remove), then its VMs. */
export function HostRows({ connection, rowIndex, onRemove }: {
  connection: ConnectionView;
  rowIndex: number;
  onRemove: (c: ConnectionView) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const nav = useNavigation();
  const notifications = useNotifications();
  const domains = useDomains(connection.key);
  const [expanded, setExpanded] = useState(true);
  const [shown, setShown] = useState(PAGE);
  const [menu, setMenu] = useState(false);
  const name = connectionName(connection);
  const { state } = connection;
  const sorted = useMemo(() => [...domains].sort((a, b) => byName.compare(a.name, b.name)), [domains]);
  const connected = state.state === 'connected';
  const active = connected || state.state === 'connecting';

  const call = (p: Promise<unknown>): void => {
    p.catch((e: unknown) => notifications.push({ variant: 'danger', title: name, detail: e instanceof Error ? e.message : String(e) }));
  };

  return (
    <Tbody isExpanded={expanded} aria-label={name} data-connection={connection.key} data-connection-state={state.state}>
      <Tr className="host-row">
        <Td expand={{ rowIndex, isExpanded: expanded, onToggle: () => setExpanded(!expanded), expandId: `host-${connection.key}` }} />
        <Td dataLabel={t('manager.column.name')}>
          <Button variant="link" isInline className="host-name" translate="no"
            onClick={() => nav.open({ kind: 'host', connection: connection.key, section: 'overview' })}>{name}</Button>
          {connected && <span className="vm-count"> {t('manager.vmCount', { count: domains.length })}</span>}
        </Td>
        <Td dataLabel={t('manager.column.state')}>
          <ConnectionStateLabel state={state} />
        </Td>
        <Td dataLabel={t('manager.column.host')} translate="no" className="uri-cell">{connection.saved.uri}</Td>
        <Td />
        <Td isActionCell>
          <div className="domain-actions">
            {active
              ? <Button variant="secondary" size="sm" onClick={() => call(api.call('connections.disconnect', { connection: connection.key }))}>{t('connection.disconnect')}</Button>
              : <Button variant="secondary" size="sm" onClick={() => call(api.call('connections.connect', { connection: connection.key }))}>{t('connection.connect')}</Button>}
            <Dropdown isOpen={menu} onOpenChange={setMenu} popperProps={{ position: 'right' }}
              toggle={(ref) => (
                <MenuToggle ref={ref} variant="plain" isExpanded={menu} onClick={() => setMenu(!menu)}
                  aria-label={t('manager.connectionActions', { name })} icon={<EllipsisVIcon />} />
              )}>
              <DropdownList>
                <DropdownItem onClick={() => {
                  setMenu(false);
                  nav.open({ kind: 'host', connection: connection.key, section: 'overview' });
                }}>{t('connection.details')}</DropdownItem>
                <DropdownItem isDanger onClick={() => {
                  setMenu(false);
                  onRemove(connection);
                }}>{t('connection.remove')}</DropdownItem>
              </DropdownList>
            </Dropdown>
          </div>
        </Td>
      </Tr>
      {state.state === 'error' && (
        <Tr isExpanded className="host-error-row"><Td /><Td colSpan={5}><ConnectionError state={state} /></Td></Tr>
      )}
      {expanded && connected && sorted.length === 0 && (
        <Tr isExpanded><Td /><Td colSpan={5} className="empty-row">{t('manager.noVms')}</Td></Tr>
      )}
      {expanded && sorted.slice(0, shown).map((d) => <VmRow key={d.key} connection={connection.key} hostName={name} domain={d} />)}
      {expanded && sorted.length > shown && (
        <Tr isExpanded>
          <Td />
          <Td colSpan={5}>
            <Button variant="link" isInline onClick={() => setShown(shown + PAGE * 5)}>
              {t('manager.showMore', { shown, count: sorted.length })}
            </Button>
          </Td>
        </Tr>
      )}
    </Tbody>
  );
}
