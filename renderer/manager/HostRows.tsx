import { Button, Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { Tbody, Td, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../main/api/contract/index.js';
import { useNavigation } from '../shell/navigation.js';
import { useApi, useDomains, useNotifications } from '../state/hooks.js';
import { ConnectionError } from './ConnectionError.js';
import { EditConnectionDialog } from './EditConnectionDialog.js';
import { ConnectionStateLabel } from './ConnectionStateLabel.js';
import { connectionName } from './connection-state.js';

/** A connection in the manager's hosts table: its row (state, VM count, connect, remove) and its error, if any. */
export function HostRows({ connection, onRemove }: {
  connection: ConnectionView;
  onRemove: (c: ConnectionView) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const nav = useNavigation();
  const notifications = useNotifications();
  const domains = useDomains(connection.key);
  const [menu, setMenu] = useState(false);
  const [editing, setEditing] = useState(false);
  const name = connectionName(connection);
  const { state } = connection;
  const connected = state.state === 'connected';
  const active = connected || state.state === 'connecting';

  const call = (p: Promise<unknown>): void => {
    p.catch((e: unknown) => notifications.push({ variant: 'danger', title: name, detail: e instanceof Error ? e.message : String(e) }));
  };

  return (
    <Tbody aria-label={name} data-connection={connection.key} data-connection-state={state.state}>
      <Tr className="host-row">
        <Td dataLabel={t('manager.column.name')}>
          <Button variant="link" isInline className="host-name" translate="no"
            onClick={() => nav.open({ kind: 'host', connection: connection.key, section: 'overview' })}>{name}</Button>
          {connected && <span className="vm-count"> {t('manager.vmCount', { count: domains.length })}</span>}
        </Td>
        <Td dataLabel={t('manager.column.state')}>
          <ConnectionStateLabel state={state} />
        </Td>
        <Td dataLabel={t('vmlist.column.uri')} translate="no" modifier="truncate" title={connection.saved.uri}>{connection.saved.uri}</Td>
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
                <DropdownItem onClick={() => {
                  setMenu(false);
                  setEditing(true);
                }}>{t('connection.edit')}</DropdownItem>
                <DropdownItem isDanger onClick={() => {
                  setMenu(false);
                  onRemove(connection);
                }}>{t('connection.remove')}</DropdownItem>
              </DropdownList>
            </Dropdown>
            {/* A modal: drawn above the page, whatever cell holds it. */}
            {editing && <EditConnectionDialog connection={connection} onClose={() => setEditing(false)} />}
          </div>
        </Td>
      </Tr>
      {state.state === 'error' && (
        <Tr className="host-error-row"><Td colSpan={4}><ConnectionError state={state} /></Td></Tr>
      )}

    </Tbody>
  );
}
