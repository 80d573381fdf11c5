import { useTranslation } from 'react-i18next';
import { smartcardModes, type SmartcardDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { ChoiceField } from './parts/FormParts.js';

/** A smartcard reader's field: passthrough (the client's card over SPICE) or the host's. */
export function SmartcardFields({ device, ctx }: DeviceFieldsProps<SmartcardDevice>): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <ChoiceField id="smartcard-mode" label={t('vmdevices.smartcard.mode')} value={device.mode ?? ''}
      choices={smartcardModes.map((m) => ({ value: m, label: t(`vmdevices.smartcard.modes.${m}`) }))}
      onChange={(v) => ctx.apply('mode', 'next-boot', () => {
        device.mode = v;
      })} />
  );
}

export function SmartcardPage(props: DevicePageProps<SmartcardDevice>): React.JSX.Element {
  return (
    <DeviceForm id="device-page-smartcard">
      <SmartcardFields device={props.device} ctx={pageContext(props as DevicePageProps, undefined)} />
    </DeviceForm>
  );
}
