import { useTranslation } from 'react-i18next';
import { inputBuses, inputTypes, type InputDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { ChoiceField, InfoField, plainChoices } from './parts/FormParts.js';

/** An input device's fields: type (tablet, mouse, keyboard) and bus. */
export function InputFields({ device, ctx }: DeviceFieldsProps<InputDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const type = device.type ?? '';
  return (
    <>
      {ctx.isNew
        ? (
          <ChoiceField id="input-type" label={t('vmdevices.input.type')} value={type}
            choices={inputTypes.filter((x) => x === 'tablet' || x === 'mouse' || x === 'keyboard').map((x) => ({ value: x, label: t(`vmdevices.input.types.${x}`) }))}
            onChange={(v) => ctx.apply('type', 'next-boot', () => {
              device.element.setAttr('type', v);
            })} />
        )
        : <InfoField id="input-type" label={t('vmdevices.input.type')} value={t(`vmdevices.input.types.${type}`, { defaultValue: type })} />}
      <ChoiceField id="input-bus" label={t('vmdevices.input.bus')} value={device.bus ?? ''} choices={plainChoices(inputBuses)}
        isDisabled={!ctx.isNew && ctx.running} help={!ctx.isNew && ctx.running ? t('vmdevices.whileOff') : undefined}
        onChange={(v) => ctx.apply('bus', 'next-boot', () => {
          device.bus = v;
          device.clearAddress();
        })} />
      {device.sourceEvdev !== undefined && <InfoField id="input-evdev" label={t('vmdevices.input.evdev')} value={device.sourceEvdev} />}
    </>
  );
}

export function InputPage(props: DevicePageProps<InputDevice>): React.JSX.Element {
  return (
    <DeviceForm id="device-page-input">
      <InputFields device={props.device} ctx={pageContext(props as DevicePageProps, undefined)} />
    </DeviceForm>
  );
}
