import { useTranslation } from 'react-i18next';
import type { VsockDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { CheckField, InfoField, TextField } from './parts/FormParts.js';

/** A VirtIO VSOCK's fields: a CID libvirt assigns, or a fixed one. */
export function VsockFields({ device, ctx }: DeviceFieldsProps<VsockDevice>): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <CheckField id="vsock-auto" label={t('vmdevices.vsock.auto')} checked={device.cidAuto}
        onChange={(on) => ctx.apply('cid', 'next-boot', () => {
          device.setCid(on ? undefined : (device.cid ?? 3));
        })} />
      {!device.cidAuto && (
        <TextField id="vsock-cid" label={t('vmdevices.vsock.cid')} value={String(device.cid ?? '')} type="number" help={t('vmdevices.vsock.cidHelp')}
          commit={(v) => ctx.apply('cid', 'next-boot', () => {
            device.setCid(Number(v));
          })} />
      )}
    </>
  );
}

export function VsockPage(props: DevicePageProps<VsockDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const liveCid = props.live?.cid;
  return (
    <DeviceForm id="device-page-vsock">
      <VsockFields device={props.device} ctx={pageContext(props as DevicePageProps, undefined)} />
      {props.running && liveCid !== undefined && <InfoField id="vsock-live-cid" label={t('vmdevices.vsock.liveCid')} value={String(liveCid)} />}
    </DeviceForm>
  );
}
