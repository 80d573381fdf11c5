import { useTranslation } from 'react-i18next';
import type { HostdevDevice } from '../../../drivers/xml/index.js';
import { useNodeDevices } from '../../state/hooks.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { CheckField, ChoiceField, InfoField } from './parts/FormParts.js';

/** The host-side identity of a passed-through device, as lspci/lsusb would write it. */
export function hostdevName(device: HostdevDevice): string {
  const a = device.sourceAddress;
  const strip = (v: string | undefined, width: number): string => (v === undefined ? '?' : Number(v).toString(16).padStart(width, '0'));
  if (device.type === 'pci' && a !== undefined) return `${strip(a.domain, 4)}:${strip(a.bus, 2)}:${strip(a.slot, 2)}.${strip(a.function, 1)}`;
  if (device.type === 'usb') {
    const ids = device.usbIds;
    if (ids?.vendor !== undefined) return `${ids.vendor.replace(/^0x/, '')}:${(ids.product ?? '').replace(/^0x/, '')}`;
    if (a !== undefined) return `${a.bus ?? '?'}.${a.device ?? '?'}`;
  }
  if (device.type === 'mdev' && a?.uuid !== undefined) return a.uuid;
  return device.type ?? '';
}

/** A host device's fields: which host device (read-only), managed, USB startup policy, PCI ROM BAR. */
export function HostdevFields({ device, ctx }: DeviceFieldsProps<HostdevDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const nodedevs = useNodeDevices(ctx.connection);
  const name = hostdevName(device);
  // The node device's product name from its XML (the Demo host and libvirtd both give it).
  const match = nodedevs.find((n) => {
    if (device.type === 'pci') return n.name === `pci_${name.replace(/[:.]/g, '_')}`;
    const ids = device.usbIds;
    return device.type === 'usb' && ids?.vendor !== undefined && n.xml.includes(`id='${ids.vendor}'`) && n.xml.includes(`id='${ids.product ?? ''}'`);
  });
  const product = match === undefined ? undefined : /<product[^>]*>([^<]+)<\/product>/.exec(match.xml)?.[1];
  return (
    <>
      <InfoField id="hostdev-type" label={t('vmdevices.hostdev.type')} value={(device.type ?? '').toUpperCase()} />
      <InfoField id="hostdev-device" label={t('vmdevices.hostdev.device')} value={product === undefined ? name : `${name} ${product}`} />
      {device.type === 'pci' && (
        <>
          <CheckField id="hostdev-managed" label={t('vmdevices.hostdev.managed')} checked={device.managed} help={t('vmdevices.hostdev.managedHelp')}
            onChange={(on) => ctx.apply('managed', 'next-boot', () => {
              device.managed = on;
            })} />
          <CheckField id="hostdev-rombar" label={t('vmdevices.hostdev.romBar')} checked={device.romBar ?? true}
            onChange={(on) => ctx.apply('rom', 'next-boot', () => {
              device.romBar = on ? undefined : false;
            })} />
        </>
      )}
      {device.type === 'usb' && (
        <ChoiceField id="hostdev-startup" label={t('vmdevices.hostdev.startupPolicy')} value={device.startupPolicy ?? ''}
          choices={['', 'mandatory', 'requisite', 'optional'].map((p) => ({ value: p, label: t(`vmdevices.hostdev.policy.${p === '' ? 'default' : p}`) }))}
          onChange={(v) => ctx.apply('startupPolicy', 'next-boot', () => {
            device.startupPolicy = v === '' ? undefined : v;
          })} />
      )}
    </>
  );
}

export function HostdevPage(props: DevicePageProps<HostdevDevice>): React.JSX.Element {
  return (
    <DeviceForm id="device-page-hostdev">
      <HostdevFields device={props.device} ctx={pageContext(props as DevicePageProps, undefined)} />
    </DeviceForm>
  );
}
