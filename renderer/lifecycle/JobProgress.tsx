import { Alert, Button, Progress, ProgressMeasureLocation } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../main/api/contract/index.js';
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
      {state === 'running' && job?.cancellable && (
        <Button variant="link" isInline onClick={() => void api.call('jobs.cancel', { job: id }).catch(() => undefined)}>{t('lifecycle.cancelJob')}</Button>
      )}
      {state === 'failed' && job?.error && <Alert isInline variant="danger" title={t('lifecycle.jobFailed')}>{job.error.message}</Alert>}
      {state === 'cancelled' && <Alert isInline isPlain variant="info" title={t('lifecycle.jobCancelled')} />}
    </div>
  );
}

/** Whether every job named has ended, and how. */
export function useJobsEnded(ids: readonly string[]): { ended: boolean; ok: boolean } {
  const jobs = useJobs().filter((j) => ids.includes(j.id));
  const ended = jobs.length === ids.length && jobs.every((j) => j.state !== 'running');
  return { ended, ok: ended && jobs.every((j) => j.state === 'done') };
}
