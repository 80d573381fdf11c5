import { Alert, Button, Checkbox, List, ListItem, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeSummary } from '../../main/api/contract/index.js';

/** Asks before deleting a volume; when VMs use it, names them and wants a second, explicit confirmation. */
export function DeleteVolumeDialog({ volume, usedBy, onConfirm, onCancel }: {
  volume: VolumeSummary;
  usedBy: readonly string[];
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [understood, setUnderstood] = useState(false);
  const inUse = usedBy.length > 0;
  return (
    <Modal isOpen variant="small" role="alertdialog" onClose={onCancel} aria-labelledby="delete-volume-title" aria-describedby="delete-volume-body"
      elementToFocus="#delete-volume-cancel">
      <ModalHeader title={t('hostdetails.deleteVolume.title', { name: volume.name })} labelId="delete-volume-title" titleIconVariant="warning"
        titleScreenReaderText={t('common.warning')} />
      <ModalBody id="delete-volume-body">
        <p>{t('hostdetails.deleteVolume.message')}</p>
        {inUse && (
          <Alert variant="danger" isInline title={t('hostdetails.deleteVolume.inUse', { count: usedBy.length })} className="section-title">
            <List>{usedBy.map((n) => <ListItem key={n} translate="no">{n}</ListItem>)}</List>
          </Alert>
        )}
        {inUse && (
          <Checkbox id="delete-volume-understood" className="section-title" isChecked={understood} onChange={(_e, v) => setUnderstood(v)}
            label={t('hostdetails.deleteVolume.understood')} />
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" isDisabled={inUse && !understood} onClick={onConfirm}>{t('hostdetails.delete')}</Button>
        <Button id="delete-volume-cancel" variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
