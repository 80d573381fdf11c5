import {
  Alert, Button, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Progress, ProgressMeasureLocation,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { JobTransfer, JobView } from '../../main/api/contract/index.js';
import { formatBytes } from '../components/format.js';
import { useApi, useJobs } from '../state/hooks.js';

/** One job's progress bar (indeterminate while libvirt says nothing), its error, and Cancel where the host allows it. */
export function JobProgress({ id, title }: { id: string; title: string }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const job: JobView | undefined = useJobs().find((j) => j.id === id);
  const state = job?.state ?? 'running';
  const value = job?.progress === null || job?.progress === undefined ? undefined : Math.round(job.progress * 100);
  return (
    <div className="lifecycle-job" data-job={id} data-job-state={state}>
      <Progress title={title} value={state === 'done' ? 100 : value ?? 0} aria-label={title}
        measureLocation={value === undefined && state === 'running' ? ProgressMeasureLocation.none : ProgressMeasureLocation.outside}
        variant={state === 'failed' ? 'danger' : state === 'done' ? 'success' : undefined} />
      {state === 'running' && job?.transfer && <TransferFigures transfer={job.transfer} />}
      {state === 'running' && job?.cancellable && (
        <Button variant="link" isInline onClick={() => void api.call('jobs.cancel', { job: id }).catch(() => undefined)}>{t('lifecycle.cancelJob')}</Button>
      )}
      {state === 'failed' && job?.error && <Alert isInline variant="danger" title={t('lifecycle.jobFailed')}>{job.error.message}</Alert>}
      {state === 'cancelled' && <Alert isInline isPlain variant="info" title={t('lifecycle.jobCancelled')} />}
    </div>
  );
}

/** A migration's figures while it runs: data left (memory and disks), speed, and the downtime QEMU expects. */
function TransferFigures({ transfer }: { transfer: JobTransfer }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const bytes = (n: number): string => formatBytes(n, i18n.language);
  const left = (remaining: number, total: number): string => t('lifecycle.transfer.remainingOf', { remaining: bytes(remaining), total: bytes(total) });
  const rows: [string, string, string][] = [['remaining', t('lifecycle.transfer.remaining'), left(transfer.dataRemaining, transfer.dataTotal)]];
  if (transfer.memoryTotal !== undefined && transfer.memoryRemaining !== undefined && transfer.memoryTotal > 0) {
    rows.push(['memory', t('lifecycle.transfer.memory'), left(transfer.memoryRemaining, transfer.memoryTotal)]);
  }
  if (transfer.diskTotal !== undefined && transfer.diskRemaining !== undefined && transfer.diskTotal > 0) {
    rows.push(['disks', t('lifecycle.transfer.disks'), left(transfer.diskRemaining, transfer.diskTotal)]);
  }
  if (transfer.memoryBps !== undefined && transfer.memoryBps > 0) rows.push(['speed', t('lifecycle.transfer.speed'), t('lifecycle.transfer.perSecond', { value: bytes(transfer.memoryBps) })]);
  if (transfer.expectedDowntimeMs !== undefined) {
    rows.push(['downtime', t('lifecycle.transfer.downtime'), t('lifecycle.transfer.ms', { value: transfer.expectedDowntimeMs.toLocaleString(i18n.language) })]);
  }
  return (
    <DescriptionList isCompact isHorizontal className="job-transfer pf-v6-u-mt-sm pf-v6-u-mb-sm" aria-label={t('lifecycle.transfer.label')}>
      {rows.map(([key, term, value]) => (
        <DescriptionListGroup key={key} data-transfer={key}>
          <DescriptionListTerm>{term}</DescriptionListTerm>
          <DescriptionListDescription>{value}</DescriptionListDescription>
        </DescriptionListGroup>
      ))}
    </DescriptionList>
  );
}

/** Whether every job named has ended, and how. */
export function useJobsEnded(ids: readonly string[]): { ended: boolean; ok: boolean } {
  const jobs = useJobs().filter((j) => ids.includes(j.id));
  const ended = jobs.length === ids.length && jobs.every((j) => j.state !== 'running');
  return { ended, ok: ended && jobs.every((j) => j.state === 'done') };
}
