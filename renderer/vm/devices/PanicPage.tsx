import { useTranslation } from 'react-i18next';
import { panicModels, type PanicDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { capsChoices, pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { ChoiceField, plainChoices } from './parts/FormParts.js';
import { useDomainCaps } from './parts/use-domain-caps.js';

/** A panic notifier's field: its model (ISA pvpanic on x86, pseries, Hyper-V, s390). */
export function PanicFields({ device, ctx }: DeviceFieldsProps<PanicDevice>): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <ChoiceField id="panic-model" label={t('vmdevices.panic.model')} value={device.model ?? ''}
      choices={[{ value: '', label: t('vmdevices.default') }, ...plainChoices(capsChoices(ctx.caps, 'panic', 'model', panicModels))]}
      help={t('vmdevices.panic.help')}
      onChange={(v) => ctx.apply('model', 'next-boot', () => {
        device.model = v === '' ? undefined : v;
      })} />
  );
}

export function PanicPage(props: DevicePageProps<PanicDevice>): React.JSX.Element {
  const caps = useDomainCaps(props.connection, props.draft);
  return (
    <DeviceForm id="device-page-panic">
      <PanicFields device={props.device} ctx={pageContext(props as DevicePageProps, caps)} />
    </DeviceForm>
  );
}
