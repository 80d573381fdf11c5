import { Alert, Button, Checkbox, Form, FormGroup, Modal, ModalBody, ModalFooter, ModalHeader, Radio } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary, SnapshotSupport } from '../../../main/api/contract/index.js';
import { useApi } from '../../state/hooks.js';
import { errorText, versionText } from './snapshot-labels.js';
import { descendantsOf, isExternal } from './snapshot-tree.js';

/**
 * Deleting a snapshot: only it (its children then hang from its parent), it and all its descendants, or only
 * libvirt's record of it (the files stay). Where libvirt cannot delete an external snapshot's data, only the
 * record is offered, and the dialog says why.
 */
export function DeleteSnapshotDialog({ connection, uuid, snapshot, snapshots, support, onClose }: {
  connection: string;
  uuid: string;
  snapshot: SnapshotSummary;
  snapshots: readonly SnapshotSummary[];
  support: SnapshotSupport;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const descendants = descendantsOf(snapshots, snapshot.name);
  const [withChildren, setWithChildren] = useState(false);
  const dataBlocked = !support.externalDelete && [snapshot.name, ...(withChildren ? descendants : [])]
    .some((n) => { const s = snapshots.find((x) => x.name === n); return s !== undefined && isExternal(s); });
  const [metadataOnly, setMetadataOnly] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const remove = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await api.call('snapshots.delete', { connection, domain: uuid, name: snapshot.name, children: withChildren ? 'with-children' : 'keep', metadataOnly: metadataOnly || dataBlocked });
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="snapshot-delete-title">
      <ModalHeader title={t('lifecycle.snap.delete.title', { name: snapshot.name })} labelId="snapshot-delete-title" titleIconVariant="warning" />
      <ModalBody>
        <Form onSubmit={(e) => { e.preventDefault(); void remove(); }}>
          <FormGroup role="radiogroup" isStack fieldId="snapshot-delete-what" label={t('lifecycle.snap.delete.what')}>
            <Radio id="snapshot-delete-one" name="snapshot-delete" isChecked={!withChildren} onChange={() => setWithChildren(false)}
              label={t('lifecycle.snap.delete.one')}
              description={descendants.length > 0 ? t('lifecycle.snap.delete.oneHelp', { count: descendants.length }) : undefined} />
            <Radio id="snapshot-delete-children" name="snapshot-delete" isChecked={withChildren} isDisabled={descendants.length === 0}
              onChange={() => setWithChildren(true)}
              label={descendants.length > 0 ? t('lifecycle.snap.delete.children', { count: descendants.length }) : t('lifecycle.snap.delete.childrenNone')}
              description={descendants.length > 0 ? descendants.join(', ') : t('lifecycle.snap.delete.noChildren')} />
          </FormGroup>
          <Checkbox id="snapshot-delete-metadata" label={t('lifecycle.snap.delete.metadataOnly')} description={t('lifecycle.snap.delete.metadataHelp')}
            isChecked={metadataOnly || dataBlocked} isDisabled={dataBlocked} onChange={(_e, v) => setMetadataOnly(v)} />
          {dataBlocked && <Alert isInline variant="info" title={t('lifecycle.snap.limit.externalDelete', { version: versionText(support.libVersion) })} />}
          {error && <Alert isInline variant="danger" title={t('lifecycle.snap.delete.failed')}>{error}</Alert>}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" isLoading={busy} isDisabled={busy} onClick={() => void remove()}>{t('lifecycle.snap.delete.submit')}</Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
