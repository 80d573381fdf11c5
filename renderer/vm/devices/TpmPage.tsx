import { useTranslation } from 'react-i18next';
import { tpmBackends, tpmModels, type TpmDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { capsChoices, pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { ChoiceField, plainChoices, TextField } from './parts/FormParts.js';
import { useDomainCaps } from './parts/use-domain-caps.js';

/** A TPM's fields: emulated (swtpm) or the host's, model, version, host device. */
export function TpmFields({ device, ctx }: DeviceFieldsProps<TpmDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const backend = device.backendType ?? 'emulator';
  return (
    <>
      <ChoiceField id="tpm-backend" label={t('vmdevices.tpm.backend')} value={backend}
        choices={capsChoices(ctx.caps, 'tpm', 'backendModel', tpmBackends).map((b) => ({ value: b, label: t(`vmdevices.tpm.backends.${b}`, { defaultValue: b }) }))}
        onChange={(v) => ctx.apply('backend', 'next-boot', () => {
          device.backendType = v;
        })} />
      <ChoiceField id="tpm-model" label={t('vmdevices.tpm.model')} value={device.model ?? ''}
        choices={[{ value: '', label: t('vmdevices.default') }, ...capsChoices(ctx.caps, 'tpm', 'model', tpmModels).map((m) => ({ value: m, label: t(`vmdevices.tpm.models.${m}`, { defaultValue: m }) }))]}
        onChange={(v) => ctx.apply('model', 'next-boot', () => {
          device.model = v === '' ? undefined : v;
        })} />
      {backend === 'emulator' && (
        <ChoiceField id="tpm-version" label={t('vmdevices.tpm.version')} value={device.backendVersion ?? ''}
          choices={[{ value: '', label: t('vmdevices.default') }, ...plainChoices(capsChoices(ctx.caps, 'tpm', 'backendVersion', ['2.0', '1.2']))]}
          onChange={(v) => ctx.apply('version', 'next-boot', () => {
            device.backendVersion = v === '' ? undefined : v;
          })} />
      )}
      {backend === 'passthrough' && (
        <TextField id="tpm-device" label={t('vmdevices.tpm.device')} value={device.devicePath ?? ''} isRequired
          commit={(v) => ctx.apply('backend.device', 'next-boot', () => {
            device.devicePath = v;
          })} />
      )}
    </>
  );
}

export function TpmPage(props: DevicePageProps<TpmDevice>): React.JSX.Element {
  const caps = useDomainCaps(props.connection, props.draft);
  return (
    <DeviceForm id="device-page-tpm">
      <TpmFields device={props.device} ctx={pageContext(props as DevicePageProps, caps)} />
    </DeviceForm>
  );
}
