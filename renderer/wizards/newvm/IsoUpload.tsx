import { Alert, Button, Progress, ProgressMeasureLocation } from '@patternfly/react-core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolSummary } from '../../../main/api/contract/index.js';
import { useApi, useJobWait } from '../../state/hooks.js';
import { ensureDefaultPool } from '../common/default-pool.js';
import { uniqueName } from '../common/validators.js';
import type { VolumeChoice } from './new-vm-state.js';

/** An ISO on the workstation, uploaded into the host's default pool (remote hosts too) with a progress bar. */
export function IsoUpload({ connection, pools, onUploaded }: { connection: string; pools: readonly PoolSummary[]; onUploaded: (v: VolumeChoice) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const waitJob = useJobWait();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; done: number; total: number } | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const upload = async (file: File): Promise<void> => {
    setFailure(undefined);
    setProgress({ name: file.name, done: 0, total: file.size });
    let made: { pool: string; volume: string } | undefined;
    try {
      const pool = await ensureDefaultPool(api, connection, pools);
      const taken = pools.find((p) => p.key === pool)?.volumes.map((v) => v.name) ?? [];
      const base = file.name.replace(/\.iso$/i, '').replace(/[/\s]+/g, '_') || 'install';
      const volume = uniqueName(base, taken, '.iso');
      const job = await api.call('jobs.createVolume', { connection, pool, volume: { name: volume, capacity: Math.max(file.size, 1), format: 'raw' } });
      const end = job.state === 'running' ? await waitJob(job.id) : job;
      if (end.state !== 'done') throw new Error(end.error?.message ?? end.state);
      made = { pool, volume };
      if (!api.openChannel) throw new Error('byte channels are not available');
      const ch = await api.openChannel('storage.uploadVolume', { connection, pool, volume, length: file.size });
      const reader = file.stream().getReader();
      let sent = 0;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          await ch.send(value);
          sent += value.byteLength;
          setProgress({ name: file.name, done: sent, total: file.size });
        }
      } finally {
        reader.releaseLock();
      }
      await ch.end();
      const closed = await ch.closed;
      if (closed.error) throw new Error(closed.reason);
      setProgress(undefined);
      onUploaded({ pool, volume });
    } catch (e) {
      setProgress(undefined);
      // Half an ISO is no use: the volume goes again.
      if (made) await api.call('storage.deleteVolume', { connection, pool: made.pool, volume: made.volume }).catch(() => undefined);
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="newvm-upload">
      <input ref={input} type="file" accept=".iso,application/x-iso9660-image" hidden data-iso-upload aria-label={t('wizards.newvm.uploadIso')}
        onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f) void upload(f); }} />
      <Button variant="link" isInline onClick={() => input.current?.click()} isDisabled={!!progress}>{t('wizards.newvm.uploadIso')}</Button>
      {progress && (
        <Progress value={progress.total ? Math.round((progress.done / progress.total) * 100) : 0} size="sm" measureLocation={ProgressMeasureLocation.outside}
          title={t('wizards.newvm.uploading', { name: progress.name })} aria-label={t('wizards.newvm.uploading', { name: progress.name })} />
      )}
      {failure && <Alert variant="danger" isInline isPlain title={t('wizards.newvm.uploadFailed')}>{failure}</Alert>}
    </div>
  );
}
