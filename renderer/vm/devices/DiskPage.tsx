import { Button, ExpandableSection, FormGroup } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  diskCacheModes, diskDeviceKinds, nextTargetDev, type DiskCacheMode, type DiskDevice, type DiskDeviceKind,
} from '../../../drivers/xml/index.js';
import { formatBytes } from '../../components/format.js';
import { usePools } from '../../state/hooks.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { capsChoices, pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { CheckField, ChoiceField, InfoField, plainChoices, TextField } from './parts/FormParts.js';
import { useDomainCaps } from './parts/use-domain-caps.js';

const fallbackBuses = ['virtio', 'sata', 'scsi', 'ide', 'usb', 'fdc'];

/** A disk's fields: source (media for CD-ROM and floppy), device type, bus, format, size and the advanced options. */
export function DiskFields({ device, ctx }: DeviceFieldsProps<DiskDevice>): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const pools = usePools(ctx.connection);
  const [advanced, setAdvanced] = useState(ctx.isNew);
  const media = device.device === 'cdrom' || device.device === 'floppy';
  const volumes = pools.flatMap((p) => p.volumes.map((v) => ({ pool: p.name, name: v.name, path: v.path, capacity: v.capacity })));
  const source = device.source;
  const path = source?.type === 'file' ? source.file : source?.type === 'block' ? source.dev : '';
  const volume = volumes.find((v) => v.path === path || (source?.type === 'volume' && source.pool === v.pool && source.volume === v.name));
  // Media change and eject are live (update-device); a disk's other source changes wait for the next start.
  const sourceHow = media ? 'update' : 'next-boot';
  const busEditable = ctx.isNew || !ctx.running;

  const setPath = (p: string): string | undefined => ctx.apply('source', sourceHow, () => {
    if (p === '') {
      if (!media) device.source = { type: 'file', file: '' };
      else device.source = undefined;
    } else if (p.startsWith('/dev/') && !media) {
      device.source = { type: 'block', dev: p };
    } else {
      device.source = { type: 'file', file: p };
    }
  });

  return (
    <>
      {ctx.isNew && (
        <ChoiceField id="disk-device" label={t('vmdevices.disk.deviceType')} value={device.device}
          choices={capsChoices(ctx.caps, 'disk', 'diskDevice', diskDeviceKinds).map((k) => ({ value: k, label: t(`vmdevices.disk.kind.${k}`, { defaultValue: k }) }))}
          onChange={(v) => ctx.apply('device', 'next-boot', () => {
            device.device = v as DiskDeviceKind;
            device.readonly = v === 'cdrom';
            const bus = v === 'floppy' ? 'fdc' : v === 'cdrom' ? 'sata' : v === 'lun' ? 'scsi' : 'virtio';
            device.bus = bus;
            device.targetDev = nextTargetDev(ctx.domain, bus);
            device.format = v === 'disk' ? device.format : 'raw';
          })} />
      )}
      <ChoiceField id="disk-volume" label={media ? t('vmdevices.disk.media') : t('vmdevices.disk.volume')} value={volume?.path ?? (path === '' ? '' : '*')}
        choices={[
          { value: '', label: media ? t('vmdevices.disk.noMedia') : t('vmdevices.disk.choose') },
          ...(path !== '' && volume === undefined ? [{ value: '*', label: t('vmdevices.disk.customPath') }] : []),
          ...volumes.map((v) => ({ value: v.path, label: `${v.pool}/${v.name}` })),
        ]}
        onChange={(v) => {
          if (v !== '*') setPath(v);
        }}
        help={media && ctx.running && !ctx.isNew ? t('vmdevices.disk.mediaLive') : undefined} />
      <TextField id="disk-path" label={t('vmdevices.disk.path')} value={source?.type === 'volume' ? '' : path} commit={setPath}
        placeholder={source?.type === 'volume' ? `${source.pool}/${source.volume}` : media ? '/var/lib/libvirt/images/media.iso' : '/var/lib/libvirt/images/disk.qcow2'}
        help={source?.type === 'network' ? `${source.protocol} ${source.name ?? ''}` : undefined} />
      {media && (
        <FormGroup fieldId="dev-disk-eject">
          <Button id="dev-disk-eject" variant="secondary" isDisabled={source === undefined}
            onClick={() => ctx.apply('source', 'update', () => {
              device.source = undefined;
            })}>
            {t('vmdevices.disk.eject')}
          </Button>
        </FormGroup>
      )}
      {!ctx.isNew && <InfoField id="disk-type" label={t('vmdevices.disk.deviceType')} value={t(`vmdevices.disk.kind.${device.device}`, { defaultValue: device.device })} />}
      <ChoiceField id="disk-bus" label={t('vmdevices.disk.bus')} value={device.bus ?? ''} isDisabled={!busEditable}
        choices={plainChoices(capsChoices(ctx.caps, 'disk', 'bus', fallbackBuses))}
        help={busEditable ? undefined : t('vmdevices.whileOff')}
        onChange={(v) => ctx.apply('bus', 'next-boot', () => {
          const current = device.targetDev;
          device.bus = v;
          device.targetDev = nextTargetDev(ctx.domain, v, current);
          // The old bus's address would not fit the new bus.
          device.clearAddress();
        })} />
      <InfoField id="disk-target" label={t('vmdevices.disk.target')} value={device.targetDev ?? '—'} />
      <ChoiceField id="disk-format" label={t('vmdevices.disk.format')} value={device.format ?? ''}
        choices={[{ value: '', label: t('vmdevices.default') }, ...plainChoices(['raw', 'qcow2', 'vmdk', 'vdi', 'vpc', 'qed'])]}
        onChange={(v) => ctx.apply('format', 'next-boot', () => {
          device.format = v === '' ? undefined : v;
        })} />
      {!media || volume !== undefined
        ? <InfoField id="disk-size" label={t('vmdevices.disk.size')} value={volume === undefined ? t('vmdevices.disk.sizeUnknown') : formatBytes(volume.capacity, i18n.language)} />
        : null}
      <ExpandableSection toggleText={t('vmdevices.disk.advanced')} isExpanded={advanced} onToggle={(_e, on) => setAdvanced(on)} id="dev-disk-advanced">
        <ChoiceField id="disk-cache" label={t('vmdevices.disk.cache')} value={device.cache ?? 'default'}
          choices={diskCacheModes.map((m) => ({ value: m, label: m === 'default' ? t('vmdevices.default') : m }))}
          onChange={(v) => ctx.apply('cache', 'next-boot', () => {
            device.cache = v as DiskCacheMode;
          })} />
        <ChoiceField id="disk-discard" label={t('vmdevices.disk.discard')} value={device.discard ?? ''}
          choices={[{ value: '', label: t('vmdevices.default') }, ...plainChoices(['unmap', 'ignore'])]}
          onChange={(v) => ctx.apply('discard', 'next-boot', () => {
            device.discard = v === '' ? undefined : (v as 'unmap' | 'ignore');
          })} />
        <ChoiceField id="disk-io" label={t('vmdevices.disk.io')} value={device.io ?? ''}
          choices={[{ value: '', label: t('vmdevices.default') }, ...plainChoices(['native', 'threads', 'io_uring'])]}
          onChange={(v) => ctx.apply('io', 'next-boot', () => {
            device.io = v === '' ? undefined : v;
          })} />
        <CheckField id="disk-readonly" label={t('vmdevices.disk.readonly')} checked={device.readonly}
          onChange={(on) => ctx.apply('readonly', 'next-boot', () => {
            device.readonly = on;
          })} />
        <CheckField id="disk-shareable" label={t('vmdevices.disk.shareable')} checked={device.shareable}
          onChange={(on) => ctx.apply('shareable', 'next-boot', () => {
            device.shareable = on;
          })} />
        {(device.bus === 'usb' || device.bus === 'scsi') && (
          <CheckField id="disk-removable" label={t('vmdevices.disk.removable')} checked={device.removable}
            onChange={(on) => ctx.apply('removable', 'next-boot', () => {
              device.removable = on;
            })} />
        )}
        <TextField id="disk-serial" label={t('vmdevices.disk.serial')} value={device.serial ?? ''}
          commit={(s) => ctx.apply('serial', 'next-boot', () => {
            device.serial = s === '' ? undefined : s;
          })} />
      </ExpandableSection>
    </>
  );
}

/** A disk, CD-ROM, floppy or LUN of the VM. */
export function DiskPage(props: DevicePageProps<DiskDevice>): React.JSX.Element {
  const caps = useDomainCaps(props.connection, props.draft);
  return (
    <DeviceForm id="device-page-disk">
      <DiskFields device={props.device} ctx={pageContext(props as DevicePageProps, caps)} />
    </DeviceForm>
  );
}
