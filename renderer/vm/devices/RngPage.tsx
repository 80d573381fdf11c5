import { useTranslation } from 'react-i18next';
import { rngModels, type RngDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { capsChoices, pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { ChoiceField, InfoField, plainChoices } from './parts/FormParts.js';
import { useDomainCaps } from './parts/use-domain-caps.js';

const hostSources = ['/dev/urandom', '/dev/random', '/dev/hwrng'];

/** A random number generator's fields: model, backend (a host device, or QEMU's builtin), the host device. */
export function RngFields({ device, ctx }: DeviceFieldsProps<RngDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const backend = device.backendModel ?? 'random';
  const rate = device.rate;
  return (
    <>
      <ChoiceField id="rng-model" label={t('vmdevices.rng.model')} value={device.model ?? ''}
        choices={plainChoices(capsChoices(ctx.caps, 'rng', 'model', rngModels))}
        onChange={(v) => ctx.apply('model', 'next-boot', () => {
          device.model = v;
        })} />
      {backend === 'egd'
        ? <InfoField id="rng-backend" label={t('vmdevices.rng.backend')} value={t('vmdevices.rng.backends.egd')} />
        : (
          <ChoiceField id="rng-backend" label={t('vmdevices.rng.backend')} value={backend}
            choices={capsChoices(ctx.caps, 'rng', 'backendModel', ['random', 'builtin']).filter((b) => b !== 'egd')
              .map((b) => ({ value: b, label: t(`vmdevices.rng.backends.${b}`, { defaultValue: b }) }))}
            onChange={(v) => ctx.apply('backend', 'next-boot', () => {
              device.setBackend(v === 'builtin' ? 'builtin' : 'random');
            })} />
        )}
      {backend === 'random' && (
        <ChoiceField id="rng-source" label={t('vmdevices.rng.source')} value={device.backendSource ?? '/dev/urandom'} choices={plainChoices(hostSources)}
          onChange={(v) => ctx.apply('backend.source', 'next-boot', () => {
            device.backendSource = v;
          })} />
      )}
      {rate !== undefined && (
        <InfoField id="rng-rate" label={t('vmdevices.rng.rate')} value={t('vmdevices.rng.rateValue', { bytes: rate.bytes, period: rate.period ?? 1000 })} />
      )}
    </>
  );
}

export function RngPage(props: DevicePageProps<RngDevice>): React.JSX.Element {
  const caps = useDomainCaps(props.connection, props.draft);
  return (
    <DeviceForm id="device-page-rng">
      <RngFields device={props.device} ctx={pageContext(props as DevicePageProps, caps)} />
    </DeviceForm>
  );
}
