import { Button, Checkbox, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DiskDevice, type DomainDevice } from '../../../drivers/xml/index.js';
import type { PoolSummary, VolumeSummary } from '../../../main/api/contract/index.js';
import { usePreferences } from '../../prefs/use-preferences.js';

/** The storage volume a disk's data is in, when one of the host's pools holds it. */
export function diskVolume(device: DomainDevice, pools: readonly PoolSummary[]): { pool: PoolSummary; volume: VolumeSummary } | undefined {
  if (!(device instanceof DiskDevice) || device.device === 'cdrom' || device.device === 'floppy') return undefined;
  const source = device.source;
  if (source === undefined) return undefined;
  for (const pool of pools) {
    for (const volume of pool.volumes) {
      if (source.type === 'volume' ? pool.name === source.pool && volume.name === source.volume
        : (source.type === 'file' && volume.path === source.file) || (source.type === 'block' && volume.path === source.dev)) {
        return { pool, volume };
      }
    }
  }
  return undefined;
}

/**
 * Asks before a device is removed, naming it; for a disk whose data is a volume of a pool, offers to delete that
 * volume too (unticked: storage is only deleted when asked for).
 */
export function RemoveDeviceDialog({ label, volume, running, onConfirm, onCancel }: {
  label: string;
  volume: { pool: PoolSummary; volume: VolumeSummary } | undefined;
  running: boolean;
  onConfirm: (deleteVolume: boolean) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const [deleteVolume, setDeleteVolume] = useState(false);
  return (
    <Modal isOpen variant="small" role="alertdialog" onClose={onCancel} aria-labelledby="remove-device-title" aria-describedby="remove-device-body"
      elementToFocus="#remove-device-cancel">
      <ModalHeader title={t('vmdetails.remove.title', { name: label })} labelId="remove-device-title" titleIconVariant="warning"
        titleScreenReaderText={t('common.warning')} />
      <ModalBody id="remove-device-body">
        <p>{running ? t('vmdetails.remove.running') : t('vmdetails.remove.message')}</p>
        {volume !== undefined && (
          <Checkbox id="remove-device-volume" className="section-title" isChecked={deleteVolume} onChange={(_e, on) => setDeleteVolume(on)}
            label={t('vmdetails.remove.deleteVolume', { path: volume.volume.path })}
            description={prefs.confirm.deleteStorage ? t('vmdetails.remove.deleteVolumeWarning') : undefined} />
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={() => onConfirm(deleteVolume)}>{t('vmdetails.remove.confirm')}</Button>
        <Button id="remove-device-cancel" variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
