import { useTranslation } from 'react-i18next';
import { memballoonModels, type MemballoonDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { CheckField, ChoiceField, plainChoices, TextField } from './parts/FormParts.js';

/** The memory balloon's fields: model, statistics period, deflate on out-of-memory. */
export function MemballoonFields({ device, ctx }: DeviceFieldsProps<MemballoonDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const on = device.model !== 'none';
  return (
    <>
      <ChoiceField id="balloon-model" label={t('vmdevices.balloon.model')} value={device.model ?? ''} choices={plainChoices(memballoonModels)}
        onChange={(v) => ctx.apply('model', 'next-boot', () => {
          device.model = v;
          if (v === 'none') device.statsPeriod = undefined;
        })} />
      {on && (
        <>
          <TextField id="balloon-period" label={t('vmdevices.balloon.period')} value={device.statsPeriod === undefined ? '' : String(device.statsPeriod)} type="number"
            placeholder={t('vmdevices.balloon.periodOff')} help={t('vmdevices.balloon.periodHelp')}
            commit={(v) => ctx.apply('stats.period', 'next-boot', () => {
              device.statsPeriod = v === '' ? undefined : Number(v);
            })} />
          <CheckField id="balloon-deflate" label={t('vmdevices.balloon.autodeflate')} checked={device.autodeflate}
            onChange={(x) => ctx.apply('autodeflate', 'next-boot', () => {
              device.autodeflate = x;
            })} />
        </>
      )}
    </>
  );
}

export function MemballoonPage(props: DevicePageProps<MemballoonDevice>): React.JSX.Element {
  return (
    <DeviceForm id="device-page-memballoon">
      <MemballoonFields device={props.device} ctx={pageContext(props as DevicePageProps, undefined)} />
    </DeviceForm>
  );
}
