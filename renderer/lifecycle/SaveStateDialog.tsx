import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainSummary } from '../../main/api/contract/index.js';
import { useApi } from '../state/hooks.js';
import { JobProgress, useJobsEnded } from './JobProgress.js';

/**
 * Save (libvirt's managed save: the memory to a file the host keeps, the VM then off; Run restores it) with its
 * progress and Cancel; or, for a VM with a saved state, discarding it so that the next Run boots afresh.
 */
export function SaveStateDialog({ connection, domain, mode, onClose }: {
  connection: string;
  domain: DomainSummary;
  mode: 'save' | 'discard';
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [job, setJob] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const { ended, ok } = useJobsEnded(job ? [job] : []);
  useEffect(() => {
    if (job && ended && ok) onClose();
  }, [job, ended, ok, onClose]);

  const go = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      if (mode === 'save') setJob((await api.call('jobs.managedSave', { connection, key: domain.key })).id);
      else {
        await api.call('domains.discardSavedState', { connection, key: domain.key });
        onClose();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="save-state-title">
      <ModalHeader title={t(mode === 'save' ? 'lifecycle.save.title' : 'lifecycle.save.discardTitle', { name: domain.name })} labelId="save-state-title"
        {...(mode === 'discard' ? { titleIconVariant: 'warning' as const } : {})} />
      <ModalBody>
        <p>{t(mode === 'save' ? 'lifecycle.save.message' : 'lifecycle.save.discardMessage', { name: domain.name })}</p>
        {job && <JobProgress id={job} title={t('lifecycle.save.progress', { name: domain.name })} />}
        {error && <Alert isInline variant="danger" title={t('lifecycle.jobFailed')}>{error}</Alert>}
      </ModalBody>
      <ModalFooter>
        {!job && (
          <Button variant={mode === 'save' ? 'primary' : 'danger'} isLoading={busy} isDisabled={busy} onClick={() => void go()}>
            {t(mode === 'save' ? 'lifecycle.save.action' : 'lifecycle.save.discard')}
          </Button>
        )}
        <Button variant="link" onClick={onClose}>{t(job && ended ? 'lifecycle.close' : job ? 'lifecycle.hide' : 'common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
