import { useTranslation } from 'react-i18next';
import { watchdogActions, watchdogModels, type WatchdogDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { ChoiceField, plainChoices } from './parts/FormParts.js';

/** A watchdog's fields: model and what happens when the guest stops feeding it. */
export function WatchdogFields({ device, ctx }: DeviceFieldsProps<WatchdogDevice>): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <ChoiceField id="watchdog-model" label={t('vmdevices.watchdog.model')} value={device.model ?? ''} choices={plainChoices(watchdogModels)}
        onChange={(v) => ctx.apply('model', 'next-boot', () => {
          device.model = v;
        })} />
      <ChoiceField id="watchdog-action" label={t('vmdevices.watchdog.action')} value={device.action ?? 'reset'}
        choices={watchdogActions.map((a) => ({ value: a, label: t(`vmdevices.watchdog.actions.${a}`) }))}
        onChange={(v) => ctx.apply('action', 'next-boot', () => {
          device.action = v;
        })} />
    </>
  );
}

export function WatchdogPage(props: DevicePageProps<WatchdogDevice>): React.JSX.Element {
  return (
    <DeviceForm id="device-page-watchdog">
      <WatchdogFields device={props.device} ctx={pageContext(props as DevicePageProps, undefined)} />
    </DeviceForm>
  );
}
