import { Alert, Button, EmptyState, EmptyStateBody, Label, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import CameraIcon from '@patternfly/react-icons/dist/esm/icons/camera-icon';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../../main/api/contract/index.js';
import { stateKey } from '../../manager/domain-state.js';
import { useSnapshots } from '../../state/hooks.js';
import type { VmPageProps } from '../vm-page.js';
import { CreateSnapshotDialog } from './CreateSnapshotDialog.js';
import { DeleteSnapshotDialog } from './DeleteSnapshotDialog.js';
import { RevertSnapshotDialog } from './RevertSnapshotDialog.js';
import { SnapshotDetails } from './SnapshotDetails.js';
import { snapshotKindLabel, snapshotStateLabel, versionText } from './snapshot-labels.js';
import { isExternal, snapshotRows } from './snapshot-tree.js';
import { useSnapshotSupport } from './use-snapshot-support.js';

type Dialog = { kind: 'create' } | { kind: 'revert'; snapshot: SnapshotSummary } | { kind: 'delete'; snapshot: SnapshotSummary };

/**
 * The VM's snapshots (virt-manager's Snapshots page): a tree by parent with the current one marked, the selected
 * one's details beside it, and create / revert / delete. What this host's libvirt cannot do is said up front.
 */
export function SnapshotsPage({ connection, uuid, domain }: VmPageProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const snapshots = useSnapshots(connection, uuid);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selectedName, setSelectedName] = useState<string | undefined>();
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const running = stateKey(domain.state) !== 'shutoff' && domain.id >= 0;
  const revision = `${domain.state}:${snapshots.map((s) => `${s.name}/${s.kind}/${s.current ? 1 : 0}`).join(',')}`;
  const support = useSnapshotSupport(connection, uuid, revision);
  const rows = useMemo(() => snapshotRows(snapshots, collapsed), [snapshots, collapsed]);
  const selected = snapshots.find((s) => s.name === selectedName) ?? snapshots.find((s) => s.current);
  const toggle = (name: string): void => {
    const next = new Set(collapsed);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setCollapsed(next);
  };
  const version = support ? versionText(support.libVersion) : '';
  const hasExternal = snapshots.some(isExternal);
  const when = (s: SnapshotSummary): string => (s.creationTime !== null ? new Date(s.creationTime * 1000).toLocaleString(i18n.language) : '—');

  return (
    <div className="snapshots-page">
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Button variant="primary" icon={<CameraIcon />} isDisabled={!support} onClick={() => setDialog({ kind: 'create' })}>
              {t('lifecycle.snap.createButton')}
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" isDisabled={!selected || !support} onClick={() => selected && setDialog({ kind: 'revert', snapshot: selected })}>
              {t('lifecycle.snap.revertButton')}
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" isDanger isDisabled={!selected || !support} onClick={() => selected && setDialog({ kind: 'delete', snapshot: selected })}>
              {t('lifecycle.snap.deleteButton')}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {support?.internal === 'uefi-old-libvirt' && <Alert isInline variant="info" title={t('lifecycle.snap.limit.uefi')}>{t('lifecycle.snap.limit.version', { version })}</Alert>}
      {support?.internal === 'not-qcow2' && <Alert isInline variant="info" title={t('lifecycle.snap.limit.notQcow2', { disks: support.nonQcow2.join(', ') })} />}
      {support && hasExternal && !support.externalRevert && (
        <Alert isInline variant="info" title={t('lifecycle.snap.limit.externalRevert', { version })} />
      )}
      {snapshots.length === 0 ? (
        <EmptyState titleText={t('lifecycle.snap.emptyTitle')} headingLevel="h3" icon={CameraIcon}>
          <EmptyStateBody>{t(running ? 'lifecycle.snap.emptyRunning' : 'lifecycle.snap.empty')}</EmptyStateBody>
        </EmptyState>
      ) : (
        <div className="snapshots-layout">
          <Table isTreeTable variant="compact" aria-label={t('lifecycle.snap.tableLabel', { name: domain.name })} className="snapshots-table">
            <Thead>
              <Tr>
                <Th>{t('lifecycle.snap.col.name')}</Th>
                <Th>{t('lifecycle.snap.col.created')}</Th>
                <Th>{t('lifecycle.snap.col.state')}</Th>
                <Th>{t('lifecycle.snap.col.kind')}</Th>
                <Th screenReaderText={t('lifecycle.snap.col.actions')} />
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((row, rowIndex) => {
                const s = row.snapshot;
                return (
                  <Tr key={s.name} data-snapshot={s.name} isSelectable isClickable isRowSelected={selected?.name === s.name}
                    aria-level={row.level} aria-posinset={row.posinset} aria-setsize={row.hasChildren ? row.setsize : 0}
                    {...(row.hasChildren ? { isExpanded: !collapsed.has(s.name) } : {})}
                    onRowClick={() => setSelectedName(s.name)}>
                    <Td dataLabel={t('lifecycle.snap.col.name')} treeRow={{
                      onCollapse: () => toggle(s.name),
                      rowIndex,
                      props: {
                        isExpanded: row.hasChildren ? !collapsed.has(s.name) : undefined,
                        'aria-level': row.level, 'aria-posinset': row.posinset, 'aria-setsize': row.hasChildren ? row.setsize : 0,
                        isHidden: false,
                      },
                    }}>
                      <span className="snapshot-name">{s.name}</span>{' '}
                      {s.current && <Label color="blue" isCompact className="snapshot-current">{t('lifecycle.snap.current')}</Label>}
                    </Td>
                    <Td dataLabel={t('lifecycle.snap.col.created')}>{when(s)}</Td>
                    <Td dataLabel={t('lifecycle.snap.col.state')}>{snapshotStateLabel(t, s.state)}</Td>
                    <Td dataLabel={t('lifecycle.snap.col.kind')}>{snapshotKindLabel(t, s.kind)}</Td>
                    <Td isActionCell>
                      <ActionsColumn isDisabled={!support} items={[
                        { title: t('lifecycle.snap.revertButton'), onClick: () => setDialog({ kind: 'revert', snapshot: s }) },
                        { title: t('lifecycle.snap.deleteButton'), onClick: () => setDialog({ kind: 'delete', snapshot: s }) },
                      ]} />
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
          {selected && <SnapshotDetails connection={connection} uuid={uuid} snapshot={selected} />}
        </div>
      )}
      {dialog?.kind === 'create' && support && (
        <CreateSnapshotDialog connection={connection} uuid={uuid} vmName={domain.name} snapshots={snapshots} support={support}
          onClose={() => setDialog(undefined)} />
      )}
      {dialog?.kind === 'revert' && support && (
        <RevertSnapshotDialog connection={connection} uuid={uuid} vmName={domain.name} vmRunning={running} vmSaved={domain.managedSave} snapshot={dialog.snapshot} support={support}
          onClose={() => setDialog(undefined)} />
      )}
      {dialog?.kind === 'delete' && support && (
        <DeleteSnapshotDialog connection={connection} uuid={uuid} snapshot={dialog.snapshot} snapshots={snapshots} support={support}
          onClose={() => setDialog(undefined)} />
      )}
    </div>
  );
}
