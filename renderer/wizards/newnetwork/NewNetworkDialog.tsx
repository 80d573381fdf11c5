import { Alert, Button, Checkbox, Form, FormGroup, FormSelect, FormSelectOption, Modal, ModalBody, ModalFooter, ModalHeader, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useNetworks } from '../../state/hooks.js';
import { FieldMessage, validated } from '../common/FieldMessage.js';
import { buildNewNetwork, initialNetwork, NETWORK_MODES, networkErrors, withCidr, type NewNetworkState } from './new-network-form.js';

/** New virtual network: name, mode, forward device, IPv4 with its derived DHCP range, IPv6, DNS domain; started and autostarted. */
export function NewNetworkDialog({ connection, onClose }: { connection: string; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const networks = useNetworks(connection);
  const [s, setS] = useState<NewNetworkState>(() => initialNetwork(networks));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const set = (patch: Partial<NewNetworkState>): void => setS((x) => ({ ...x, ...patch }));
  const all = networkErrors(s, networks);
  const errors = tried ? all : {};
  const withIp = s.mode !== 'bridge' && s.mode !== 'hostdev';
  const create = (): void => {
    setTried(true);
    if (Object.keys(all).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    void (async () => {
      const { key } = await api.call('networks.define', { connection, xml: buildNewNetwork(s).toXml() });
      try {
        await api.call('networks.start', { connection, key });
        await api.call('networks.setAutostart', { connection, key, autostart: true });
      } catch (e) {
        // Not left half-made: a network that cannot start is undefined again.
        await api.call('networks.undefine', { connection, key }).catch(() => undefined);
        throw e;
      }
    })().then(onClose, (e: unknown) => {
      setBusy(false);
      setFailure(e instanceof Error ? e.message : String(e));
    });
  };
  return (
    <Modal isOpen variant="medium" onClose={busy ? undefined : onClose} aria-labelledby="newnet-title">
      <ModalHeader title={t('wizards.newnet.title')} labelId="newnet-title" />
      <ModalBody>
        <Form id="newnet-form" onSubmit={(e) => { e.preventDefault(); create(); }}>
          <FormGroup label={t('wizards.newnet.name')} fieldId="newnet-name" isRequired>
            <TextInput id="newnet-name" value={s.name} validated={validated(errors['name'])} onChange={(_e, name) => set({ name })} />
            <FieldMessage error={errors['name']} />
          </FormGroup>
          <FormGroup label={t('wizards.newnet.mode')} fieldId="newnet-mode">
            <FormSelect id="newnet-mode" value={s.mode} onChange={(_e, mode) => set({ mode: mode as NewNetworkState['mode'], device: '' })}>
              {NETWORK_MODES.map((m) => <FormSelectOption key={m} value={m} label={t(`wizards.newnet.modes.${m}`)} />)}
            </FormSelect>
          </FormGroup>
          {s.mode !== 'isolated' && s.mode !== 'open' && (
            <FormGroup label={t(`wizards.newnet.device.${s.mode === 'bridge' ? 'bridge' : s.mode === 'hostdev' ? 'pf' : 'forward'}`)} fieldId="newnet-device"
              isRequired={s.mode === 'bridge' || s.mode === 'hostdev'}>
              <TextInput id="newnet-device" value={s.device} validated={validated(errors['device'])} onChange={(_e, device) => set({ device })}
                placeholder={s.mode === 'nat' || s.mode === 'route' ? t('wizards.newnet.anyDevice') : ''} />
              <FieldMessage error={errors['device']} />
            </FormGroup>
          )}
          {withIp && (
            <>
              <Checkbox id="newnet-ipv4" label={t('wizards.newnet.ipv4')} isChecked={s.ipv4} onChange={(_e, ipv4) => set({ ipv4 })} />
              {s.ipv4 && (
                <>
                  <FormGroup label={t('wizards.newnet.ipv4Network')} fieldId="newnet-ipv4-cidr" isRequired>
                    <TextInput id="newnet-ipv4-cidr" value={s.ipv4Cidr} validated={validated(errors['ipv4'])} onChange={(_e, v) => setS((x) => withCidr(x, v))} />
                    <FieldMessage error={errors['ipv4']} />
                  </FormGroup>
                  <Checkbox id="newnet-dhcp" label={t('wizards.newnet.dhcp')} isChecked={s.dhcp} onChange={(_e, dhcp) => set({ dhcp })} />
                  {s.dhcp && (
                    <div className="newnet-range">
                      <FormGroup label={t('wizards.newnet.dhcpStart')} fieldId="newnet-dhcp-start">
                        <TextInput id="newnet-dhcp-start" value={s.dhcpStart} validated={validated(errors['dhcpStart'])} onChange={(_e, dhcpStart) => set({ dhcpStart })} />
                        <FieldMessage error={errors['dhcpStart']} />
                      </FormGroup>
                      <FormGroup label={t('wizards.newnet.dhcpEnd')} fieldId="newnet-dhcp-end">
                        <TextInput id="newnet-dhcp-end" value={s.dhcpEnd} validated={validated(errors['dhcpEnd'])} onChange={(_e, dhcpEnd) => set({ dhcpEnd })} />
                        <FieldMessage error={errors['dhcpEnd']} />
                      </FormGroup>
                    </div>
                  )}
                </>
              )}
              <Checkbox id="newnet-ipv6" label={t('wizards.newnet.ipv6')} isChecked={s.ipv6} onChange={(_e, ipv6) => set({ ipv6 })} />
              {s.ipv6 && (
                <FormGroup label={t('wizards.newnet.ipv6Network')} fieldId="newnet-ipv6-cidr" isRequired>
                  <TextInput id="newnet-ipv6-cidr" value={s.ipv6Cidr} validated={validated(errors['ipv6'])} onChange={(_e, ipv6Cidr) => set({ ipv6Cidr })} />
                  <FieldMessage error={errors['ipv6']} />
                </FormGroup>
              )}
              <FormGroup label={t('wizards.newnet.domain')} fieldId="newnet-domain">
                <TextInput id="newnet-domain" value={s.domain} validated={validated(errors['domain'])} onChange={(_e, domain) => set({ domain })} />
                <FieldMessage error={errors['domain']} />
              </FormGroup>
            </>
          )}
          {failure && <Alert variant="danger" isInline title={t('wizards.newnet.failed')}>{failure}</Alert>}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" type="submit" form="newnet-form" isLoading={busy} isDisabled={busy}>{t('wizards.common.create')}</Button>
        <Button variant="link" onClick={onClose} isDisabled={busy}>{t('wizards.common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
