import { Button, Label, Progress, ProgressMeasureLocation, Switch } from '@patternfly/react-core';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolSummary } from '../../main/api/contract/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { formatBytes } from '../components/format.js';
import { useConfirmSetting } from '../prefs/use-preferences.js';
import { useApi, usePools } from '../state/hooks.js';
import { NewPoolDialog } from '../wizards/newpool/NewPoolDialog.js';
import { EmptyRow } from './EmptyRow.js';
import { useHostAction } from './use-host-action.js';
import { useVolumeTransfers } from './use-volume-transfers.js';
import { VolumesTable } from './VolumesTable.js';

const byName = new Intl.Collator(undefined, { numeric: true });

/** A host's storage pools: usage, state, start/stop/refresh/delete, autostart; expanded, a pool's volumes. */
export function PoolsTable({ connection }: { connection: string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const action = useHostAction();
  const transfers = useVolumeTransfers(connection);
  const pools = [...usePools(connection)].sort((a, b) => byName.compare(a.name, b.name));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [deleting, setDeleting] = useState<PoolSummary | undefined>();
  const [creating, setCreating] = useState(false);
  const confirmDelete = useConfirmSetting('deleteStorage');
  const bytes = (n: number): string => formatBytes(n, i18n.language);
  const toggle = (key: string): void => {
    const next = new Set(expanded);
    if (!next.delete(key)) next.add(key);
    setExpanded(next);
  };
  const ref = (p: PoolSummary): { connection: string; key: string } => ({ connection, key: p.key });
  const remove = (p: PoolSummary): void => {
    void action.run(`delete:${p.key}`, p.name, async () => {
      if (p.active) await api.call('storage.stopPool', ref(p));
      if (p.persistent) await api.call('storage.undefinePool', ref(p));
    });
  };
  return (
    <>
      <div className="host-new"><Button variant="secondary" onClick={() => setCreating(true)}>{t('wizards.newpool.button')}</Button></div>
      {creating && <NewPoolDialog connection={connection} onClose={() => setCreating(false)} />}
      <Table aria-label={t('host.storage')} variant="compact" className="host-section">
        <Thead>
          <Tr>
            <Th screenReaderText={t('manager.column.expand')} />
            <Th width={20}>{t('host.column.name')}</Th>
            <Th modifier="wrap">{t('host.column.state')}</Th>
            <Th width={25}>{t('host.column.usage')}</Th>
            <Th modifier="wrap">{t('host.column.capacity')}</Th>
            <Th modifier="wrap">{t('host.column.autostart')}</Th>
            <Th screenReaderText={t('hostdetails.actions')} />
          </Tr>
        </Thead>
        {pools.length === 0 && <Tbody><EmptyRow colSpan={7} text={t('host.noPools')} /></Tbody>}
        {pools.map((p, rowIndex) => {
          const isOpen = expanded.has(p.key);
          const used = p.capacity > 0 ? Math.round((p.allocation / p.capacity) * 100) : 0;
          const busy = [...action.busy].some((b) => b.endsWith(`:${p.key}`));
          const button = (id: 'start' | 'stop' | 'refresh', label: string, call: 'storage.startPool' | 'storage.stopPool' | 'storage.refreshPool'): React.JSX.Element => (
            <Button variant="secondary" size="sm" isDisabled={busy} isLoading={action.busy.has(`${id}:${p.key}`)}
              onClick={() => { void action.run(`${id}:${p.key}`, p.name, () => api.call(call, ref(p))); }}>{label}</Button>
          );
          return (
            <Tbody key={p.key} isExpanded={isOpen} aria-label={p.name}>
              <Tr>
                <Td expand={{ rowIndex, isExpanded: isOpen, onToggle: () => toggle(p.key), expandId: `pool-${p.key}` }} />
                <Td dataLabel={t('host.column.name')} translate="no">{p.name}</Td>
                <Td dataLabel={t('host.column.state')}>
                  <Label isCompact {...(p.active ? { status: 'success' as const } : {})}>{p.active ? t('host.active') : t('host.inactive')}</Label>
                </Td>
                <Td dataLabel={t('host.column.usage')}>
                  {p.active && (
                    <Progress value={used} size="sm" measureLocation={ProgressMeasureLocation.outside}
                      aria-label={t('host.usageOf', { name: p.name })} />
                  )}
                </Td>
                <Td dataLabel={t('host.column.capacity')} modifier="nowrap">{p.active ? t('host.usedOf', { used: bytes(p.allocation), total: bytes(p.capacity) }) : ''}</Td>
                <Td dataLabel={t('host.column.autostart')}>
                  <Switch id={`pool-autostart-${p.key}`} aria-label={t('hostdetails.autostartOf', { name: p.name })} isChecked={p.autostart}
                    isDisabled={!p.persistent || busy}
                    onChange={(_e, on) => { void action.run(`autostart:${p.key}`, p.name, () => api.call('storage.setPoolAutostart', { ...ref(p), autostart: on })); }} />
                </Td>
                <Td isActionCell>
                  <div className="host-actions">
                    {p.active ? button('stop', t('hostdetails.stop'), 'storage.stopPool') : button('start', t('hostdetails.start'), 'storage.startPool')}
                    {p.active && button('refresh', t('hostdetails.refresh'), 'storage.refreshPool')}
                    <Button variant="secondary" isDanger size="sm" isDisabled={busy} onClick={() => {
                      if (confirmDelete) setDeleting(p);
                      else remove(p);
                    }}>{t('hostdetails.delete')}</Button>
                  </div>
                </Td>
              </Tr>
              <Tr isExpanded={isOpen}>
                <Td />
                <Td colSpan={6}>
                  <ExpandableRowContent>
                    {isOpen && <VolumesTable connection={connection} pool={p} transfers={transfers} />}
                  </ExpandableRowContent>
                </Td>
              </Tr>
            </Tbody>
          );
        })}
      </Table>
      {deleting && (
        <ConfirmDialog title={t('hostdetails.deletePool.title', { name: deleting.name })}
          message={deleting.active ? t('hostdetails.deletePool.active') : t('hostdetails.deletePool.message')}
          confirmLabel={t('hostdetails.delete')} onCancel={() => setDeleting(undefined)}
          onConfirm={() => { const p = deleting; setDeleting(undefined); remove(p); }} />
      )}
    </>
  );
}
