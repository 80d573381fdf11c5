import { useTranslation } from 'react-i18next';
import { channelNames, charSourceTypes, type CharDevice, type CharSourceType } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { ChoiceField, InfoField, plainChoices, TextField } from './parts/FormParts.js';

/** Guest-side target types per kind (channels are virtio; a console is serial or virtio). */
const targetTypes: Readonly<Record<string, readonly string[]>> = {
  serial: ['isa-serial', 'pci-serial', 'usb-serial', 'system-serial'],
  console: ['serial', 'virtio'],
};

/** Backends each kind takes: spicevmc and qemu-vdagent only make sense for channels. */
function sourcesFor(kind: string): readonly CharSourceType[] {
  return kind === 'channel' ? charSourceTypes : charSourceTypes.filter((s) => s !== 'spicevmc' && s !== 'qemu-vdagent');
}

/** A serial port's, parallel port's, console's or channel's fields: host backend and path, guest target. */
export function CharFields({ device, ctx }: DeviceFieldsProps<CharDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const type = device.type ?? 'pty';
  const targets = targetTypes[device.kind];
  return (
    <>
      <ChoiceField id="char-source-type" label={t('vmdevices.char.sourceType')} value={type}
        choices={sourcesFor(device.kind).map((s) => ({ value: s, label: t(`vmdevices.char.sources.${s}`) }))}
        onChange={(v) => ctx.apply('source', 'next-boot', () => {
          const kind = v as CharSourceType;
          device.setSource(kind, kind === 'file' ? `/var/log/libvirt/qemu/${ctx.domain.name}-${device.kind}.log` : undefined);
          if (device.kind === 'channel') {
            if (kind === 'spicevmc') device.targetName = 'com.redhat.spice.0';
            else if (kind === 'qemu-vdagent') device.targetName = 'com.redhat.spice.0';
            else if (device.targetName === 'com.redhat.spice.0') device.targetName = 'org.qemu.guest_agent.0';
          }
        })} />
      {(type === 'file' || type === 'unix') && (
        <TextField id="char-path" label={t('vmdevices.char.path')} value={device.sourcePath ?? ''}
          placeholder={type === 'unix' ? t('vmdevices.char.autoSocket') : undefined}
          commit={(v) => ctx.apply('source.path', 'next-boot', () => {
            device.setSource(type, v);
          })} />
      )}
      {targets !== undefined && (
        <ChoiceField id="char-target-type" label={t('vmdevices.char.targetType')} value={device.targetType ?? ''}
          choices={[{ value: '', label: t('vmdevices.default') }, ...plainChoices(targets)]}
          onChange={(v) => ctx.apply('target.type', 'next-boot', () => {
            device.targetType = v === '' ? undefined : v;
          })} />
      )}
      {device.kind === 'channel' && device.targetType !== 'guestfwd' && (
        <>
          <ChoiceField id="char-name-choice" label={t('vmdevices.char.name')} value={device.targetName ?? ''}
            choices={plainChoices(channelNames)}
            onChange={(v) => ctx.apply('target.name', 'next-boot', () => {
              device.targetName = v;
            })} />
          <TextField id="char-name" label={t('vmdevices.char.customName')} value={device.targetName ?? ''} isRequired
            commit={(v) => ctx.apply('target.name', 'next-boot', () => {
              device.targetName = v;
            })} />
        </>
      )}
      {device.targetPort !== undefined && <InfoField id="char-port" label={t('vmdevices.char.port')} value={String(device.targetPort)} />}
    </>
  );
}

/** A serial port, parallel port, console or channel of the VM. */
export function CharPage(props: DevicePageProps<CharDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const live = props.live;
  return (
    <DeviceForm id={`device-page-${props.device.kind}`}>
      <CharFields device={props.device} ctx={pageContext(props as DevicePageProps, undefined)} />
      {live?.type === 'pty' && live.sourcePath !== undefined && <InfoField id="char-pty" label={t('vmdevices.char.pty')} value={live.sourcePath} />}
      {live?.targetState !== undefined && (
        <InfoField id="char-state" label={t('vmdevices.char.state')} value={t(`vmdevices.char.states.${live.targetState}`, { defaultValue: live.targetState })} />
      )}
    </DeviceForm>
  );
}
