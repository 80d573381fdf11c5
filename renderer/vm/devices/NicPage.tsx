import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directModes, interfaceModels, type InterfaceDevice, type InterfaceSource } from '../../../drivers/xml/index.js';
import type { GuestInterface } from '../../../main/api/contract/index.js';
import { useApi, useNetworks } from '../../state/hooks.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { CheckField, ChoiceField, InfoField, plainChoices, TextField } from './parts/FormParts.js';
import { useDomainCaps } from './parts/use-domain-caps.js';

const sourceTypes = ['network', 'bridge', 'direct', 'user'] as const;

/** A NIC's fields: where it is plugged (virtual network, bridge, macvtap), model, MAC, link state. */
export function NicFields({ device, ctx }: DeviceFieldsProps<InterfaceDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const networks = useNetworks(ctx.connection);
  const source = device.source;
  const type = source?.type ?? device.type ?? '';

  const plug = (field: string, s: InterfaceSource): string | undefined => ctx.apply(field, 'next-boot', () => {
    device.source = s;
  });

  return (
    <>
      <ChoiceField id="nic-source-type" label={t('vmdevices.nic.sourceType')} value={type}
        choices={sourceTypes.map((s) => ({ value: s, label: t(`vmdevices.nic.type.${s}`) }))}
        onChange={(v) => {
          const firstNet = networks.find((n) => n.active)?.name ?? networks[0]?.name ?? 'default';
          if (v === 'network') plug('source', { type: 'network', network: firstNet });
          else if (v === 'bridge') plug('source', { type: 'bridge', bridge: 'br0' });
          else if (v === 'direct') plug('source', { type: 'direct', dev: 'eth0', mode: 'bridge' });
          else if (v === 'user') plug('source', { type: 'user' });
        }} />
      {source?.type === 'network' && (
        <ChoiceField id="nic-network" label={t('vmdevices.nic.network')} value={source.network}
          choices={networks.map((n) => ({ value: n.name, label: n.active ? n.name : t('vmdevices.nic.inactiveNetwork', { name: n.name }) }))}
          onChange={(v) => plug('source', { type: 'network', network: v })} />
      )}
      {source?.type === 'bridge' && (
        <TextField id="nic-bridge" label={t('vmdevices.nic.bridge')} value={source.bridge} isRequired
          commit={(v) => plug('source', { type: 'bridge', bridge: v })} />
      )}
      {source?.type === 'direct' && (
        <>
          <TextField id="nic-dev" label={t('vmdevices.nic.hostDevice')} value={source.dev} isRequired
            commit={(v) => plug('source', { type: 'direct', dev: v, ...(source.mode === undefined ? {} : { mode: source.mode }) })} />
          <ChoiceField id="nic-mode" label={t('vmdevices.nic.mode')} value={source.mode ?? 'vepa'} choices={plainChoices(directModes)}
            onChange={(v) => plug('mode', { type: 'direct', dev: source.dev, mode: v })} />
        </>
      )}
      <ChoiceField id="nic-model" label={t('vmdevices.nic.model')} value={device.model ?? ''}
        choices={[{ value: '', label: t('vmdevices.default') }, ...plainChoices(interfaceModels)]}
        onChange={(v) => ctx.apply('model', 'next-boot', () => {
          device.model = v === '' ? undefined : v;
        })} />
      {ctx.isNew || !ctx.running
        ? (
          <TextField id="nic-mac" label={t('vmdevices.nic.mac')} value={device.mac ?? ''} placeholder={t('vmdevices.nic.macAuto')}
            commit={(v) => ctx.apply('mac', 'next-boot', () => {
              device.mac = v === '' ? undefined : v;
            })} />
        )
        : <InfoField id="nic-mac" label={t('vmdevices.nic.mac')} value={device.mac ?? '—'} />}
      <CheckField id="nic-link" label={t('vmdevices.nic.linkUp')} checked={device.linkState === 'up'}
        help={ctx.running && !ctx.isNew ? t('vmdevices.nic.linkLive') : undefined}
        onChange={(on) => ctx.apply('link', 'update', () => {
          device.linkState = on ? 'up' : 'down';
        })} />
    </>
  );
}

/** The guest's addresses on this NIC (DHCP lease, else the guest agent), while the VM runs. */
function NicAddresses({ connection, uuid, mac }: { connection: string; uuid: string; mac: string | undefined }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [ifaces, setIfaces] = useState<readonly GuestInterface[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.call('domains.interfaceAddresses', { connection, key: uuid, source: 'lease' })
      .then((r) => {
        if (live) setIfaces(r);
      })
      .catch(() => {
        if (live) setIfaces([]);
      });
    return () => {
      live = false;
    };
  }, [api, connection, uuid]);
  const addresses = (ifaces ?? []).filter((i) => i.mac !== null && i.mac.toLowerCase() === mac?.toLowerCase()).flatMap((i) => i.addresses);
  return (
    <InfoField id="nic-ip" label={t('vmdevices.nic.ip')}
      value={ifaces === undefined ? '…' : addresses.length === 0 ? t('vmdevices.nic.noIp') : addresses.map((a) => `${a.address}/${a.prefix}`).join(', ')} />
  );
}

/** A NIC of the VM. */
export function NicPage(props: DevicePageProps<InterfaceDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const caps = useDomainCaps(props.connection, props.draft);
  return (
    <DeviceForm id="device-page-interface">
      <NicFields device={props.device} ctx={pageContext(props as DevicePageProps, caps)} />
      {props.running && <NicAddresses connection={props.connection} uuid={props.uuid} mac={props.device.mac} />}
      {props.live?.targetDev !== undefined && <InfoField id="nic-tap" label={t('vmdevices.nic.tap')} value={props.live.targetDev} />}
    </DeviceForm>
  );
}
