import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

/** Asks before an action that loses work; Escape or Cancel says no, and Cancel has the focus. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel }: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal isOpen variant="small" role="alertdialog" onClose={onCancel} aria-labelledby="confirm-title" aria-describedby="confirm-message"
      elementToFocus="#confirm-cancel">
      <ModalHeader title={title} labelId="confirm-title" titleIconVariant="warning" titleScreenReaderText={t('common.warning')} />
      <ModalBody id="confirm-message">{message}</ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={onConfirm}>{confirmLabel}</Button>
        <Button id="confirm-cancel" variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
