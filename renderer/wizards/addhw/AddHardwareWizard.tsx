import { Modal, ModalBody, ModalHeader } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

/** What the VM's Details page gives the Add Hardware wizard. */
export interface AddHardwareProps {
  readonly connection: string;
  readonly uuid: string;
  /** The VM runs: the new device is hot-plugged where libvirt can, else added to the definition (and the user told which). */
  readonly running: boolean;
  readonly onClose: () => void;
}

/** Add Hardware (built by the wizards' work; until then it says so). */
export function AddHardwareWizard({ onClose }: AddHardwareProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal isOpen onClose={onClose} variant="medium">
      <ModalHeader title={t('vm.addHardware')} />
      <ModalBody>{t('vm.notYet')}</ModalBody>
    </Modal>
  );
}
