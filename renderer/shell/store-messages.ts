import type { TFunction } from 'i18next';
import { connectionHintText } from '../manager/connection-hint-text.js';
import type { StoreMessages } from '../state/app-stores.js';

/** The stores' notifications (connection errors, finished jobs, start-up notices) in the UI's language. */
export function storeMessages(t: TFunction): StoreMessages {
  const jobTitle = (kind: string, target: string): string => t(`jobs.kind.${kind}`, { target });
  return {
    connectionFailed: (name, state) => ({
      title: t('notify.connectionFailed', { name }),
      detail: state.hint ? `${connectionHintText(t, state.hint)}\n${state.message}` : state.message,
    }),
    jobDone: (job) => ({
      title: t('notify.jobDone', { title: jobTitle(job.kind, job.target) }),
      ...(job.result?.kind === 'volume' ? { detail: job.result.path } : {}),
    }),
    jobFailed: (job) => ({ title: t('notify.jobFailed', { title: jobTitle(job.kind, job.target) }), ...(job.error ? { detail: job.error.message } : {}) }),
    notice: (n) => ({ title: t('notify.connectionsFileDamaged', { file: n.file }), detail: t('notify.keptAs', { movedTo: n.movedTo, reason: n.reason }) }),
  };
}
