import { Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIpv4, validateMac, type IpNetwork } from '../../drivers/xml/index.js';

export interface DhcpHostInput {
  readonly mac?: string;
  readonly name?: string;
  readonly ip: string;
}

const ipv4Text = (v: bigint): string => [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.');
const HOST_NAME = /^[A-Za-z0-9][A-Za-z0-9.-]{0,254}$/;

/** Adds a static DHCP host to an IPv4 network: MAC and/or name, and an address inside the network, checked as typed. */
export function DhcpHostForm({ network, taken, busy, onAdd }: {
  network: IpNetwork | undefined;
  /** MACs, names and addresses already given a host. */
  taken: ReadonlySet<string>;
  busy: boolean;
  onAdd: (host: DhcpHostInput) => Promise<boolean>;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [mac, setMac] = useState('');
  const [name, setName] = useState('');
  const [ip, setIp] = useState('');

  const macError = mac === '' ? undefined
    : validateMac(mac) !== undefined ? t('hostdetails.dhcp.badMac')
      : taken.has(mac.toLowerCase()) ? t('hostdetails.dhcp.taken') : undefined;
  const nameError = name === '' ? undefined : !HOST_NAME.test(name) ? t('hostdetails.dhcp.badName') : taken.has(name.toLowerCase()) ? t('hostdetails.dhcp.taken') : undefined;
  const ipError = ((): string | undefined => {
    if (ip === '') return undefined;
    const v = parseIpv4(ip);
    if (v === undefined) return t('hostdetails.dhcp.badIp');
    if (network && (v <= network.network || v >= network.last || v === network.address.value)) return t('hostdetails.dhcp.outside');
    if (taken.has(ip)) return t('hostdetails.dhcp.taken');
    return undefined;
  })();
  const ready = (mac !== '' || name !== '') && ip !== '' && !macError && !nameError && !ipError;

  const submit = async (): Promise<void> => {
    if (!ready) return;
    const ok = await onAdd({ ...(mac ? { mac: mac.toLowerCase() } : {}), ...(name ? { name } : {}), ip });
    if (ok) {
      setMac('');
      setName('');
      setIp('');
    }
  };
  const helper = (error: string | undefined, hint: string): React.JSX.Element => (
    <FormHelperText>
      <HelperText><HelperTextItem variant={error ? 'error' : 'default'}>{error ?? hint}</HelperTextItem></HelperText>
    </FormHelperText>
  );
  return (
    <Form isHorizontal={false} className="dhcp-host-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}
      aria-label={t('hostdetails.dhcp.addTitle')}>
      <div className="host-form-row">
        <FormGroup label={t('hostdetails.dhcp.mac')} fieldId="dhcp-mac">
          <TextInput id="dhcp-mac" value={mac} onChange={(_e, v) => setMac(v.trim())} validated={macError ? 'error' : 'default'}
            placeholder="52:54:00:12:34:56" translate="no" />
          {helper(macError, t('hostdetails.dhcp.macHint'))}
        </FormGroup>
        <FormGroup label={t('hostdetails.dhcp.name')} fieldId="dhcp-name">
          <TextInput id="dhcp-name" value={name} onChange={(_e, v) => setName(v.trim())} validated={nameError ? 'error' : 'default'}
            translate="no" />
          {helper(nameError, t('hostdetails.dhcp.nameHint'))}
        </FormGroup>
        <FormGroup label={t('hostdetails.dhcp.ip')} fieldId="dhcp-ip" isRequired>
          <TextInput id="dhcp-ip" value={ip} onChange={(_e, v) => setIp(v.trim())} validated={ipError ? 'error' : 'default'} isRequired
            placeholder={network ? ipv4Text(network.network + 10n) : ''} translate="no" />
          {helper(ipError, t('hostdetails.dhcp.ipHint'))}
        </FormGroup>
        <div className="host-form-submit">
          <Button type="submit" variant="secondary" isDisabled={!ready || busy} isLoading={busy}>{t('hostdetails.dhcp.add')}</Button>
        </div>
      </div>
    </Form>
  );
}
