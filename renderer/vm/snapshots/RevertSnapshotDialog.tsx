import { Alert, Button, Checkbox, Form, FormGroup, Modal, ModalBody, ModalFooter, ModalHeader, Radio } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VIR_ERR_SNAPSHOT_REVERT_RISKY } from '../../../drivers/api/errors.js';
import type { SnapshotSummary, SnapshotSupport } from '../../../main/api/contract/index.js';
import { useApi } from '../../state/hooks.js';
import { errorCode, errorText, snapshotStateLabel, versionText } from './snapshot-labels.js';
import { isExternal } from './snapshot-tree.js';

type After = 'as-saved' | 'running' | 'paused';

/**
 * Reverting: what the VM is afterwards (as the snapshot holds it, running, or paused: libvirt's REVERT_RUNNING /
 * REVERT_PAUSED), that the present state is lost, and FORCE only after libvirt has called the revert risky and
 * the user has said yes to it.
 */
export function RevertSnapshotDialog({ connection, uuid, vmName, vmRunning, vmSaved, snapshot, support, onClose }: {
  connection: string;
  uuid: string;
  vmName: string;
  vmRunning: boolean;
  /** The VM has a saved state (managed save). */
  vmSaved: boolean;
  snapshot: SnapshotSummary;
  support: SnapshotSupport;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [after, setAfterState] = useState<After>('as-saved');
  const [risky, setRisky] = useState<string | undefined>();
  const [force, setForce] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const refused = isExternal(snapshot) && !support.externalRevert;
  // libvirt's refusal was of the revert asked for: another choice is asked for without force first.
  const setAfter = (a: After): void => {
    setAfterState(a);
    setRisky(undefined);
    setForce(false);
  };
  const holdsMemory = snapshot.state === 'running' || snapshot.state === 'paused' || snapshot.state === 'blocked';
  // libvirt's own case: a snapshot without memory over a saved state, whose memory would no longer match the disks;
  // it recommends removing the saved state, so the forced revert does that first unless the user says no.
  const savedOver = vmSaved && !holdsMemory;
  const [discard, setDiscard] = useState(true);

  const revert = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const forcing = risky !== undefined && force;
      if (forcing && savedOver && discard) await api.call('domains.discardSavedState', { connection, key: uuid });
      await api.call('snapshots.revert', { connection, domain: uuid, name: snapshot.name, after, force: forcing });
      onClose();
    } catch (e) {
      if (errorCode(e) === VIR_ERR_SNAPSHOT_REVERT_RISKY && risky === undefined) setRisky(errorText(e));
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="snapshot-revert-title" aria-describedby="snapshot-revert-message">
      <ModalHeader title={t('lifecycle.snap.revert.title', { name: snapshot.name })} labelId="snapshot-revert-title" titleIconVariant="warning" />
      <ModalBody>
        <p id="snapshot-revert-message" className="pf-v6-u-mb-md">
          {t(vmRunning ? 'lifecycle.snap.revert.messageRunning' : 'lifecycle.snap.revert.message', { vm: vmName, state: snapshotStateLabel(t, snapshot.state) })}
        </p>
        {refused && (
          <Alert isInline variant="danger" title={t('lifecycle.snap.limit.externalRevert', { version: versionText(support.libVersion) })} />
        )}
        {!refused && (
          <Form className="snapshot-revert-form" onSubmit={(e) => { e.preventDefault(); void revert(); }}>
            <FormGroup label={t('lifecycle.snap.revert.after')} role="radiogroup" isStack fieldId="snapshot-revert-after">
              <Radio id="revert-as-saved" name="revert-after" isChecked={after === 'as-saved'} onChange={() => setAfter('as-saved')}
                label={t('lifecycle.snap.revert.asSaved', { state: snapshotStateLabel(t, snapshot.state) })} />
              <Radio id="revert-running" name="revert-after" isChecked={after === 'running'} onChange={() => setAfter('running')}
                label={t('lifecycle.snap.revert.running')}
                description={holdsMemory ? undefined : t('lifecycle.snap.revert.boots')} />
              <Radio id="revert-paused" name="revert-after" isChecked={after === 'paused'} onChange={() => setAfter('paused')}
                label={t('lifecycle.snap.revert.paused')}
                description={holdsMemory ? undefined : t('lifecycle.snap.revert.boots')} />
            </FormGroup>
            {risky !== undefined && (
              <Alert isInline variant="warning" title={t('lifecycle.snap.revert.riskyTitle')} className="snapshot-revert-risky">
                <p className="snapshot-revert-refusal">{risky}</p>
                <p className="pf-v6-u-my-sm">{t('lifecycle.snap.revert.riskyHelp')}</p>
                <Checkbox id="snapshot-revert-force" label={t('lifecycle.snap.revert.force')} isChecked={force} onChange={(_e, v) => setForce(v)} />
                {savedOver && (
                  <Checkbox id="snapshot-revert-discard" className="pf-v6-u-mt-sm" label={t('lifecycle.snap.revert.discardSaved')}
                    description={t('lifecycle.snap.revert.discardSavedHelp')} isChecked={discard} isDisabled={!force} onChange={(_e, v) => setDiscard(v)} />
                )}
              </Alert>
            )}
            {error && <Alert isInline variant="danger" title={t('lifecycle.snap.revert.failed')}>{error}</Alert>}
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" isLoading={busy} isDisabled={busy || refused || (risky !== undefined && !force)} onClick={() => void revert()}>
          {t(risky !== undefined ? 'lifecycle.snap.revert.submitForce' : 'lifecycle.snap.revert.submit')}
        </Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
