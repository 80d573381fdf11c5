import { Button, Label, Switch } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '../../main/api/contract/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { useApi, useNetworks } from '../state/hooks.js';
import { EmptyRow } from './EmptyRow.js';
import { NewNetworkDialog } from '../wizards/newnetwork/NewNetworkDialog.js';
import { NetworkDetails } from './NetworkDetails.js';
import { useHostAction } from './use-host-action.js';

const byName = new Intl.Collator(undefined, { numeric: true });

/** A host's virtual networks: state, autostart, start/stop/delete; the selected one's details below. */
export function NetworksTable({ connection }: { connection: string }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const action = useHostAction();
  const networks = [...useNetworks(connection)].sort((a, b) => byName.compare(a.name, b.name));
  const [selectedKey, setSelected] = useState<string | undefined>();
  const [deleting, setDeleting] = useState<NetworkSummary | undefined>();
  const [creating, setCreating] = useState(false);
  const selected = networks.find((n) => n.key === selectedKey);

  const ref = (n: NetworkSummary): { connection: string; key: string } => ({ connection, key: n.key });
  const remove = async (n: NetworkSummary): Promise<void> => {
    await action.run(`delete:${n.key}`, n.name, async () => {
      if (n.active) await api.call('networks.stop', ref(n));
      if (n.persistent) await api.call('networks.undefine', ref(n));
    });
  };
  return (
    <div className="host-section">
      <div className="host-new"><Button variant="secondary" onClick={() => setCreating(true)}>{t('wizards.newnet.button')}</Button></div>
      {creating && <NewNetworkDialog connection={connection} onClose={() => setCreating(false)} />}
      <Table aria-label={t('host.networks')} variant="compact">
        <Thead>
          <Tr>
            <Th modifier="wrap">{t('host.column.name')}</Th>
            <Th modifier="wrap">{t('host.column.state')}</Th>
            <Th modifier="wrap">{t('host.column.autostart')}</Th>
            <Th modifier="wrap">{t('host.column.persistent')}</Th>
            <Th screenReaderText={t('hostdetails.actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {networks.length === 0 && <EmptyRow colSpan={5} text={t('host.noNetworks')} />}
          {networks.map((n) => {
            const busy = [...action.busy].some((b) => b.endsWith(`:${n.key}`));
            return (
              <Tr key={n.key} aria-label={n.name} isClickable isRowSelected={n.key === selected?.key} onRowClick={() => setSelected(n.key)}>
                <Td dataLabel={t('host.column.name')} translate="no">{n.name}</Td>
                <Td dataLabel={t('host.column.state')}>
                  <Label isCompact {...(n.active ? { status: 'success' as const } : {})}>{n.active ? t('host.active') : t('host.inactive')}</Label>
                </Td>
                <Td dataLabel={t('host.column.autostart')}>
                  <Switch id={`net-autostart-${n.key}`} aria-label={t('hostdetails.autostartOf', { name: n.name })} isChecked={n.autostart}
                    isDisabled={!n.persistent || busy}
                    onChange={(_e, on) => { void action.run(`autostart:${n.key}`, n.name, () => api.call('networks.setAutostart', { ...ref(n), autostart: on })); }} />
                </Td>
                <Td dataLabel={t('host.column.persistent')}>{n.persistent ? t('common.yes') : t('common.no')}</Td>
                <Td isActionCell>
                  <div className="host-actions" onClick={(e) => e.stopPropagation()}>
                    {n.active
                      ? <Button variant="secondary" size="sm" isDisabled={busy} isLoading={action.busy.has(`stop:${n.key}`)}
                        onClick={() => { void action.run(`stop:${n.key}`, n.name, () => api.call('networks.stop', ref(n))); }}>{t('hostdetails.stop')}</Button>
                      : <Button variant="secondary" size="sm" isDisabled={busy} isLoading={action.busy.has(`start:${n.key}`)}
                        onClick={() => { void action.run(`start:${n.key}`, n.name, () => api.call('networks.start', ref(n))); }}>{t('hostdetails.start')}</Button>}
                    <Button variant="secondary" isDanger size="sm" isDisabled={busy} onClick={() => setDeleting(n)}>{t('hostdetails.delete')}</Button>
                  </div>
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {selected
        ? <NetworkDetails key={selected.key} connection={connection} network={selected} />
        : networks.length > 0 && <p className="empty-row section-title">{t('hostdetails.selectNetwork')}</p>}
      {deleting && (
        <ConfirmDialog title={t('hostdetails.deleteNetwork.title', { name: deleting.name })}
          message={deleting.active ? t('hostdetails.deleteNetwork.active') : t('hostdetails.deleteNetwork.message')}
          confirmLabel={t('hostdetails.delete')} onCancel={() => setDeleting(undefined)}
          onConfirm={() => { const n = deleting; setDeleting(undefined); void remove(n); }} />
      )}
    </div>
  );
}
