import {
  Button, NotificationDrawerListItem, NotificationDrawerListItemBody, NotificationDrawerListItemHeader, Progress, Spinner,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../main/api/contract/index.js';
import { useApi, useNotifications } from '../state/hooks.js';

const VARIANT = { running: 'info', done: 'success', failed: 'danger', cancelled: 'warning' } as const;

/** A job in the drawer: what it does to what, its progress (or a spinner while unknown), Cancel, then its outcome. */
export function JobItem({ job }: { job: JobView }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notifications = useNotifications();
  const title = t(`jobs.kind.${job.kind}`, { target: job.target });
  const cancel = (): void => {
    api.call('jobs.cancel', { job: job.id }).catch((e: unknown) => {
      notifications.push({ variant: 'danger', title: t('jobs.cancelFailed', { title }), detail: e instanceof Error ? e.message : String(e) });
    });
  };
  const outcome = (): string => {
    if (job.state === 'failed') return job.error?.message ?? t('jobs.state.failed');
    if (job.state === 'cancelled') return t('jobs.state.cancelled');
    const r = job.result;
    if (r?.kind === 'volume') return t('jobs.resultVolume', { path: r.path });
    if (r?.kind === 'domain' && job.transfer?.downtimeMs !== undefined) {
      return t('jobs.resultMigrated', { name: r.name, downtime: job.transfer.downtimeMs.toLocaleString(i18n.language) });
    }
    if (r?.kind === 'domain') return t('jobs.resultDomain', { name: r.name });
    return t('jobs.state.done');
  };
  return (
    <NotificationDrawerListItem variant={VARIANT[job.state]} isRead={job.state === 'running'} data-job={job.id} data-job-state={job.state}
      readStateScreenReaderText={t(`jobs.state.${job.state}`)}>
      <NotificationDrawerListItemHeader variant={VARIANT[job.state]} title={title} srTitle={t(`jobs.state.${job.state}`)}>
        {job.state === 'running' && job.cancellable && (
          <Button variant="link" isInline onClick={cancel}>{t('common.cancel')}</Button>
        )}
      </NotificationDrawerListItemHeader>
      <NotificationDrawerListItemBody timestamp={new Date(job.endedAt ?? job.startedAt).toLocaleTimeString(i18n.language)}>
        {job.state === 'running' && job.progress !== null && (
          <Progress value={Math.round(job.progress * 100)} size="sm" aria-label={t('jobs.progressOf', { title })} />
        )}
        {job.state === 'running' && job.progress === null && (
          <span className="job-working"><Spinner size="md" aria-hidden />{t('jobs.working')}</span>
        )}
        {job.state !== 'running' && <span className="job-outcome">{outcome()}</span>}
      </NotificationDrawerListItemBody>
    </NotificationDrawerListItem>
  );
}
