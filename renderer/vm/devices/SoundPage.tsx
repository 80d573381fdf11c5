import { useTranslation } from 'react-i18next';
import { soundModels, type SoundDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { ChoiceField } from './parts/FormParts.js';

/** A sound card's field: its model (HDA ich9/ich6, AC97, USB audio…). */
export function SoundFields({ device, ctx }: DeviceFieldsProps<SoundDevice>): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <ChoiceField id="sound-model" label={t('vmdevices.sound.model')} value={device.model ?? ''}
      choices={soundModels.map((m) => ({ value: m, label: t(`vmdevices.sound.models.${m}`, { defaultValue: m }) }))}
      onChange={(v) => ctx.apply('model', 'next-boot', () => {
        device.model = v;
      })} />
  );
}

export function SoundPage(props: DevicePageProps<SoundDevice>): React.JSX.Element {
  return (
    <DeviceForm id="device-page-sound">
      <SoundFields device={props.device} ctx={pageContext(props as DevicePageProps, undefined)} />
    </DeviceForm>
  );
}
