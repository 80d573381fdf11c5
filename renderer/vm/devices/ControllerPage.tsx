import { List, ListItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { attachedDevices, controllerModels, controllerTypes, type ControllerDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { ChoiceField, InfoField, plainChoices } from './parts/FormParts.js';
import { devicePageFor } from './registry.js';

/** A controller's fields: type (when new), model, and the devices attached to it. */
export function ControllerFields({ device, ctx }: DeviceFieldsProps<ControllerDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const type = device.type ?? '';
  const models = controllerModels[type] ?? [];
  const attached = ctx.isNew ? [] : attachedDevices(ctx.domain, device);
  return (
    <>
      {ctx.isNew
        ? (
          <ChoiceField id="controller-type" label={t('vmdevices.controller.type')} value={type}
            choices={plainChoices(controllerTypes.filter((c) => ['usb', 'scsi', 'sata', 'virtio-serial', 'ccid', 'nvme'].includes(c)))}
            onChange={(v) => ctx.apply('type', 'next-boot', () => {
              device.element.setAttr('type', v);
              device.model = controllerModels[v]?.[0];
            })} />
        )
        : <InfoField id="controller-type" label={t('vmdevices.controller.type')} value={`${type} ${device.index ?? 0}`} />}
      {models.length > 0 && (
        <ChoiceField id="controller-model" label={t('vmdevices.controller.model')} value={device.model ?? ''}
          choices={[{ value: '', label: t('vmdevices.default') }, ...plainChoices(models)]}
          isDisabled={!ctx.isNew && ctx.running} help={!ctx.isNew && ctx.running ? t('vmdevices.whileOff') : undefined}
          onChange={(v) => ctx.apply('model', 'next-boot', () => {
            device.model = v === '' ? undefined : v;
          })} />
      )}
      {!ctx.isNew && (
        <InfoField id="controller-devices" label={t('vmdevices.controller.devices')}
          value={attached.length === 0
            ? t('vmdevices.controller.none')
            : (
              <List isPlain>
                {attached.map((d, i) => <ListItem key={i}>{devicePageFor(d)?.label(d, t) ?? d.kind}</ListItem>)}
              </List>
            )} />
      )}
    </>
  );
}

export function ControllerPage(props: DevicePageProps<ControllerDevice>): React.JSX.Element {
  return (
    <DeviceForm id="device-page-controller">
      <ControllerFields device={props.device} ctx={pageContext(props as DevicePageProps, undefined)} />
    </DeviceForm>
  );
}
