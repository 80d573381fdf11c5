import { Button, Progress, ProgressMeasureLocation } from '@patternfly/react-core';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolSummary, VolumeSummary } from '../../main/api/contract/index.js';
import { parseStorageVolume } from '../../drivers/xml/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { formatBytes } from '../components/format.js';
import { useConfirmSetting } from '../prefs/use-preferences.js';
import { useApi, useDomains, useNotifications } from '../state/hooks.js';
import { DeleteVolumeDialog } from './DeleteVolumeDialog.js';
import { NewVolumeDialog } from '../wizards/newvolume/NewVolumeDialog.js';
import { EmptyRow } from './EmptyRow.js';
import { useHostAction } from './use-host-action.js';
import { transferKey, type VolumeTransfers } from './use-volume-transfers.js';

const byName = new Intl.Collator(undefined, { numeric: true });
/** Formats are read from each volume's XML, for this many volumes at most. */
const FORMAT_LIMIT = 200;

/** Each volume's format (from its XML, read once per volume and allocation). */
function useFormats(connection: string, pool: PoolSummary): ReadonlyMap<string, string> {
  const api = useApi();
  const [formats, setFormats] = useState<ReadonlyMap<string, string>>(new Map());
  const wanted = pool.volumes.slice(0, FORMAT_LIMIT).map((v) => v.name).join('\n');
  useEffect(() => {
    let live = true;
    const names = wanted ? wanted.split('\n') : [];
    void Promise.all(names.map(async (volume) => {
      try {
        const { xml } = await api.call('storage.volumeXml', { connection, pool: pool.key, volume });
        return [volume, parseStorageVolume(xml).format ?? ''] as const;
      } catch {
        return [volume, ''] as const;
      }
    })).then((pairs) => { if (live) setFormats(new Map(pairs)); });
    return () => {
      live = false;
    };
  }, [api, connection, pool.key, wanted]);
  return formats;
}

/** A pool's volumes: size, allocation, format, the VMs using each; upload, download, copy path, delete. */
export function VolumesTable({ connection, pool, transfers }: { connection: string; pool: PoolSummary; transfers: VolumeTransfers }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const action = useHostAction();
  const notifications = useNotifications();
  const domains = useDomains(connection);
  const formats = useFormats(connection, pool);
  const fileInput = useRef<HTMLInputElement>(null);
  const [uploadTo, setUploadTo] = useState<VolumeSummary | undefined>();
  const [confirmUpload, setConfirmUpload] = useState<{ volume: VolumeSummary; file: File } | undefined>();
  const [deleting, setDeleting] = useState<VolumeSummary | undefined>();
  const [creating, setCreating] = useState(false);
  // With the "Deleting storage" confirmation off, a volume no VM uses goes at once; one in use is always asked about.
  const confirmDelete = useConfirmSetting('deleteStorage');
  const bytes = (n: number): string => formatBytes(n, i18n.language);
  const volumes = [...pool.volumes].sort((a, b) => byName.compare(a.name, b.name));

  const usedBy = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const v of pool.volumes) {
      const names = domains.filter((d) => d.diskSources.some((s) => s === v.path || s === `${pool.name}/${v.name}`)).map((d) => d.name);
      out.set(v.name, names.sort((a, b) => byName.compare(a, b)));
    }
    return out;
  }, [domains, pool.volumes, pool.name]);

  const chooseFile = (v: VolumeSummary): void => {
    setUploadTo(v);
    if (fileInput.current) {
      fileInput.current.value = '';
      fileInput.current.click();
    }
  };
  const fileChosen = (file: File | undefined): void => {
    const volume = uploadTo;
    setUploadTo(undefined);
    if (!file || !volume) return;
    if (file.size > volume.capacity) {
      notifications.push({ variant: 'danger', title: t('hostdetails.failed', { object: volume.name }), detail: t('hostdetails.transfer.tooLarge', { file: file.name, size: bytes(file.size), capacity: bytes(volume.capacity) }) });
      return;
    }
    setConfirmUpload({ volume, file });
  };
  const copyPath = (v: VolumeSummary): void => {
    navigator.clipboard.writeText(v.path).then(
      () => notifications.push({ variant: 'info', title: t('hostdetails.pathCopied', { path: v.path }) }),
      (e: unknown) => notifications.push({ variant: 'danger', title: t('hostdetails.failed', { object: v.name }), detail: e instanceof Error ? e.message : String(e) }),
    );
  };
  const expectedSize = (v: VolumeSummary): number => ((formats.get(v.name) ?? 'raw') === 'raw' ? v.capacity : v.allocation);
  const remove = (v: VolumeSummary): void => {
    void action.run(`delete:${v.name}`, v.name, () => api.call('storage.deleteVolume', { connection, pool: pool.key, volume: v.name }));
  };

  return (
    <>
      <input ref={fileInput} type="file" hidden data-upload-input aria-label={t('hostdetails.transfer.chooseFile')}
        onChange={(e) => fileChosen(e.currentTarget.files?.[0])} />
      {pool.active && <div className="host-new"><Button variant="secondary" size="sm" onClick={() => setCreating(true)}>{t('wizards.newvol.button')}</Button></div>}
      {creating && <NewVolumeDialog connection={connection} pool={pool} onClose={() => setCreating(false)} />}
      <Table aria-label={t('host.volumesOf', { name: pool.name })} variant="compact" borders={false}>
        <Thead>
          <Tr>
            <Th width={30}>{t('host.column.volume')}</Th>
            <Th modifier="wrap">{t('hostdetails.format')}</Th>
            <Th modifier="wrap">{t('host.column.capacity')}</Th>
            <Th modifier="wrap">{t('host.column.allocation')}</Th>
            <Th modifier="wrap">{t('hostdetails.usedBy')}</Th>
            <Th screenReaderText={t('hostdetails.actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {volumes.length === 0 && <EmptyRow colSpan={6} text={pool.active ? t('host.noVolumes') : t('host.poolInactive')} />}
          {volumes.map((v) => {
            const key = transferKey(pool.key, v.name);
            const transfer = transfers.active.get(key);
            const users = usedBy.get(v.name) ?? [];
            const percent = transfer && transfer.total > 0 ? Math.min(100, Math.round((transfer.done / transfer.total) * 100)) : 0;
            return (
              <Tr key={v.key} aria-label={v.name} data-volume={v.name}>
                <Td dataLabel={t('host.column.volume')}>
                  <div translate="no">{v.name}</div>
                  <div translate="no" className="host-volume-path">{v.path}</div>
                </Td>
                <Td dataLabel={t('hostdetails.format')} translate="no">{formats.get(v.name) ?? ''}</Td>
                <Td dataLabel={t('host.column.capacity')}>{bytes(v.capacity)}</Td>
                <Td dataLabel={t('host.column.allocation')}>{bytes(v.allocation)}</Td>
                <Td dataLabel={t('hostdetails.usedBy')} {...(users.length > 0 ? { translate: 'no' } : {})}>{users.length > 0 ? users.join(', ') : t('common.none')}</Td>
                <Td isActionCell className="host-transfer-cell">
                  {transfer ? (
                    <div className="host-transfer" data-transfer={transfer.kind}>
                      <Progress value={percent} size="sm" measureLocation={ProgressMeasureLocation.outside}
                        title={t(transfer.kind === 'upload' ? 'hostdetails.transfer.uploading' : 'hostdetails.transfer.downloading', { done: bytes(transfer.done), total: bytes(transfer.total) })}
                        aria-label={t(transfer.kind === 'upload' ? 'hostdetails.transfer.uploadOf' : 'hostdetails.transfer.downloadOf', { volume: v.name })} />
                      <Button variant="link" size="sm" isInline onClick={() => transfers.cancel(key)}>{t('common.cancel')}</Button>
                    </div>
                  ) : (
                    <ActionsColumn isDisabled={action.busy.has(`delete:${v.name}`)} items={[
                      { title: t('hostdetails.transfer.upload'), onClick: () => chooseFile(v) },
                      { title: t('hostdetails.transfer.download'), onClick: () => transfers.download(pool.key, v.name, expectedSize(v)) },
                      { title: t('hostdetails.copyPath'), onClick: () => copyPath(v) },
                      { isSeparator: true },
                      { title: t('hostdetails.delete'), isDanger: true, onClick: () => {
                        if (confirmDelete || (usedBy.get(v.name) ?? []).length > 0) setDeleting(v);
                        else remove(v);
                      } },
                    ]} />
                  )}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {confirmUpload && (
        <ConfirmDialog title={t('hostdetails.transfer.confirmTitle', { volume: confirmUpload.volume.name })}
          message={t('hostdetails.transfer.confirmMessage', { file: confirmUpload.file.name, size: bytes(confirmUpload.file.size) })}
          confirmLabel={t('hostdetails.transfer.upload')} onCancel={() => setConfirmUpload(undefined)}
          onConfirm={() => { const { volume, file } = confirmUpload; setConfirmUpload(undefined); transfers.upload(pool.key, volume.name, file); }} />
      )}
      {deleting && (
        <DeleteVolumeDialog volume={deleting} usedBy={usedBy.get(deleting.name) ?? []} onCancel={() => setDeleting(undefined)}
          onConfirm={() => { const v = deleting; setDeleting(undefined); remove(v); }} />
      )}
    </>
  );
}
