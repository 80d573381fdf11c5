import { useTranslation } from 'react-i18next';
import type { GraphicsDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { capsChoices, pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { CheckField, ChoiceField, InfoField, TextField } from './parts/FormParts.js';
import { useDomainCaps } from './parts/use-domain-caps.js';

/** Where the server listens, as virt-manager offers it. */
const listenChoices = ['127.0.0.1', '0.0.0.0', 'none', 'socket'] as const;

/** A display's fields: VNC or SPICE, listen, port (or automatic), password (changed live). */
export function GraphicsFields({ device, ctx }: DeviceFieldsProps<GraphicsDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const listen = device.listen;
  const listenValue = listen === undefined ? '127.0.0.1' : listen.type === 'address' ? listen.address : listen.type === 'network' ? `network:${listen.network}` : listen.type;
  const hasPassword = device.passwd !== undefined;
  return (
    <>
      <ChoiceField id="graphics-type" label={t('vmdevices.graphics.type')} value={device.type ?? 'vnc'}
        choices={capsChoices(ctx.caps, 'graphics', 'type', ['vnc', 'spice']).filter((v) => v === 'vnc' || v === 'spice' || v === device.type)
          .map((v) => ({ value: v, label: v === 'vnc' ? t('vmdevices.graphics.vnc') : v === 'spice' ? t('vmdevices.graphics.spice') : v }))}
        onChange={(v) => ctx.apply('type', 'next-boot', () => {
          device.setType(v as 'vnc' | 'spice');
        })} />
      <ChoiceField id="graphics-listen" label={t('vmdevices.graphics.listen')} value={listenValue}
        choices={listenChoices.map((v) => ({ value: v, label: t(`vmdevices.graphics.listenKind.${v === '127.0.0.1' ? 'local' : v === '0.0.0.0' ? 'all' : v}`) }))}
        onChange={(v) => ctx.apply('listen', 'next-boot', () => {
          device.listen = v === 'none' ? { type: 'none' } : v === 'socket' ? { type: 'socket' } : { type: 'address', address: v };
          if (v === 'none' || v === 'socket') device.setPort(undefined);
        })} />
      {listen?.type !== 'none' && listen?.type !== 'socket' && (
        <>
          <CheckField id="graphics-autoport" label={t('vmdevices.graphics.autoport')} checked={device.autoport || device.port === undefined}
            onChange={(on) => ctx.apply('port', 'next-boot', () => {
              device.setPort(on ? undefined : 5900);
            })} />
          {!(device.autoport || device.port === undefined) && (
            <TextField id="graphics-port" label={t('vmdevices.graphics.port')} value={String(device.port ?? '')} type="number"
              commit={(v) => ctx.apply('port', 'next-boot', () => {
                device.setPort(Number(v));
              })} />
          )}
        </>
      )}
      <CheckField id="graphics-password-on" label={t('vmdevices.graphics.passwordOn')} checked={hasPassword}
        onChange={(on) => ctx.apply('passwd', 'update', () => {
          device.passwd = on ? '' : undefined;
        })} />
      {hasPassword && (
        <TextField id="graphics-password" label={t('vmdevices.graphics.password')} type="password" value={device.passwd ?? ''}
          help={ctx.running && !ctx.isNew ? t('vmdevices.graphics.passwordLive') : undefined}
          commit={(v) => ctx.apply('passwd', 'update', () => {
            device.passwd = v;
          })} />
      )}
    </>
  );
}

/** A VNC or SPICE display of the VM. */
export function GraphicsPage(props: DevicePageProps<GraphicsDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const caps = useDomainCaps(props.connection, props.draft);
  const livePort = props.live?.port;
  return (
    <DeviceForm id="device-page-graphics">
      <GraphicsFields device={props.device} ctx={pageContext(props as DevicePageProps, caps)} />
      {props.running && livePort !== undefined && livePort > 0 && <InfoField id="graphics-live-port" label={t('vmdevices.graphics.livePort')} value={String(livePort)} />}
    </DeviceForm>
  );
}
