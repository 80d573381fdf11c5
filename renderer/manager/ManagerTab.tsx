import { Button, EmptyState, EmptyStateActions, EmptyStateBody, EmptyStateFooter, PageSection, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import PlusIcon from '@patternfly/react-icons/dist/esm/icons/plus-icon';
import ServerIcon from '@patternfly/react-icons/dist/esm/icons/server-icon';
import { Table, Th, Thead, Tr } from '@patternfly/react-table';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../main/api/contract/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { useApi, useConnections, useNotifications } from '../state/hooks.js';
import { connectionName } from './connection-state.js';
import { HostRows } from './HostRows.js';
import { VmList } from './VmList.js';

// Loaded when first opened: its URI check is the API's zod schema, which the first list need not wait for.
const AddConnectionDialog = lazy(() => import('./AddConnectionDialog.js').then((m) => ({ default: m.AddConnectionDialog })));

/** The manager: the connections, then every host's VMs in one list (search, filters, sort, bulk actions, tags). */
export function ManagerTab(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const notifications = useNotifications();
  const connections = useConnections();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ConnectionView | undefined>();

  return (
    <PageSection aria-label={t('tabs.manager')}>
      {connections.length > 0 && (
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <Button icon={<PlusIcon />} onClick={() => setAdding(true)}>{t('manager.addConnection')}</Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      )}
      {connections.length === 0 ? (
        <EmptyState titleText={t('manager.emptyTitle')} headingLevel="h2" icon={ServerIcon}>
          <EmptyStateBody>{t('manager.empty')}</EmptyStateBody>
          <EmptyStateFooter>
            <EmptyStateActions><Button onClick={() => setAdding(true)}>{t('manager.addConnection')}</Button></EmptyStateActions>
          </EmptyStateFooter>
        </EmptyState>
      ) : (
        <>
          <div className="manager-hosts">
            <Table aria-label={t('vmlist.hostsLabel')} variant="compact" className="manager-table">
              <Thead>
                <Tr>
                  <Th width={35}>{t('manager.column.name')}</Th>
                  <Th width={20}>{t('manager.column.state')}</Th>
                  <Th width={30}>{t('vmlist.column.uri')}</Th>
                  <Th screenReaderText={t('manager.column.actions')} />
                </Tr>
              </Thead>
              {connections.map((c) => <HostRows key={c.key} connection={c} onRemove={setRemoving} />)}
            </Table>
          </div>
          <Title headingLevel="h2" size="lg" className="section-title">{t('vmlist.title')}</Title>
          <VmList connections={connections} />
        </>
      )}
      {removing && (
        <ConfirmDialog
          title={t('confirm.remove.title', { name: connectionName(removing) })}
          message={t('confirm.remove.message')}
          confirmLabel={t('connection.remove')}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => {
            const c = removing;
            setRemoving(undefined);
            api.call('connections.remove', { connection: c.key }).catch((e: unknown) => {
              notifications.push({ variant: 'danger', title: connectionName(c), detail: e instanceof Error ? e.message : String(e) });
            });
          }}
        />
      )}
      {adding && (
        <Suspense fallback={null}>
          <AddConnectionDialog onCancel={() => setAdding(false)} onAdd={async (input) => {
            await api.call('connections.add', input);
            setAdding(false);
          }} />
        </Suspense>
      )}
    </PageSection>
  );
}
