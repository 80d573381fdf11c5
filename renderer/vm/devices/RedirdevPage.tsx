import { useTranslation } from 'react-i18next';
import type { RedirdevDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { InfoField } from './parts/FormParts.js';

/** A USB redirector: the client's USB devices over SPICE (or a TCP usbredir server); nothing to choose. */
export function RedirdevFields({ device }: DeviceFieldsProps<RedirdevDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const type = device.type ?? '';
  return (
    <>
      <InfoField id="redirdev-bus" label={t('vmdevices.redirdev.bus')} value={(device.bus ?? 'usb').toUpperCase()} />
      <InfoField id="redirdev-type" label={t('vmdevices.redirdev.type')}
        value={type === 'spicevmc' ? t('vmdevices.redirdev.spice') : type === 'tcp' ? `${device.sourceHost ?? ''}:${device.sourceService ?? ''}` : type} />
      <InfoField id="redirdev-help" label="" value={t('vmdevices.redirdev.help')} />
    </>
  );
}

export function RedirdevPage(props: DevicePageProps<RedirdevDevice>): React.JSX.Element {
  return (
    <DeviceForm id="device-page-redirdev">
      <RedirdevFields device={props.device} ctx={pageContext(props as DevicePageProps, undefined)} />
    </DeviceForm>
  );
}
