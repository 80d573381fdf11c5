import { Alert, AlertActionLink } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { enableSharedMemory, filesystemAccessModes, filesystemDrivers, hasSharedMemory, type FilesystemDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { capsChoices, pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { CheckField, ChoiceField, TextField, plainChoices } from './parts/FormParts.js';
import { useDomainCaps } from './parts/use-domain-caps.js';

/** A shared folder's fields: driver (virtiofs needs shared memory), host directory, mount tag, access, read-only. */
export function FilesystemFields({ device, ctx }: DeviceFieldsProps<FilesystemDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const driver = device.driverType ?? '';
  const virtiofs = driver === 'virtiofs';
  return (
    <>
      <ChoiceField id="fs-driver" label={t('vmdevices.fs.driver')} value={driver}
        choices={[{ value: '', label: t('vmdevices.default') }, ...plainChoices(capsChoices(ctx.caps, 'filesystem', 'driverType', filesystemDrivers))]}
        onChange={(v) => ctx.apply('driver', 'next-boot', () => {
          device.driverType = v === '' ? undefined : v;
        })} />
      {virtiofs && !hasSharedMemory(ctx.domain) && (
        <Alert variant="warning" isInline isPlain={false} title={t('vmdevices.fs.sharedMemoryNeeded')} id="dev-fs-shared-memory"
          actionLinks={(
            <AlertActionLink onClick={() => ctx.apply('memoryBacking', 'next-boot', () => enableSharedMemory(ctx.domain))}>
              {t('vmdevices.fs.enableSharedMemory')}
            </AlertActionLink>
          )}>
          {t('vmdevices.fs.sharedMemoryHelp')}
        </Alert>
      )}
      <TextField id="fs-source" label={t('vmdevices.fs.source')} value={device.sourceDir ?? ''} isRequired placeholder="/srv/share"
        commit={(v) => ctx.apply('source', 'next-boot', () => {
          device.sourceDir = v;
        })} />
      <TextField id="fs-target" label={t('vmdevices.fs.target')} value={device.targetDir ?? ''} isRequired placeholder="share"
        help={t('vmdevices.fs.targetHelp')}
        commit={(v) => ctx.apply('target', 'next-boot', () => {
          device.targetDir = v;
        })} />
      {!virtiofs && (
        <ChoiceField id="fs-access" label={t('vmdevices.fs.access')} value={device.accessMode ?? ''}
          choices={[{ value: '', label: t('vmdevices.default') }, ...plainChoices(filesystemAccessModes)]}
          onChange={(v) => ctx.apply('accessmode', 'next-boot', () => {
            device.accessMode = v === '' ? undefined : v;
          })} />
      )}
      <CheckField id="fs-readonly" label={t('vmdevices.fs.readonly')} checked={device.readonly}
        onChange={(on) => ctx.apply('readonly', 'next-boot', () => {
          device.readonly = on;
        })} />
    </>
  );
}

export function FilesystemPage(props: DevicePageProps<FilesystemDevice>): React.JSX.Element {
  const caps = useDomainCaps(props.connection, props.draft);
  return (
    <DeviceForm id="device-page-filesystem">
      <FilesystemFields device={props.device} ctx={pageContext(props as DevicePageProps, caps)} />
    </DeviceForm>
  );
}
