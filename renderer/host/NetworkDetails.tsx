import {
  Button, CodeBlock, CodeBlockCode, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm,
  ExpandableSection, Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DhcpLeaseView, NetworkSummary } from '../../main/api/contract/index.js';
import { parseNetwork, type DhcpHost, type IpNetwork, type NetworkXml } from '../../drivers/xml/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { useApi } from '../state/hooks.js';
import { DhcpHostForm, type DhcpHostInput } from './DhcpHostForm.js';
import { EmptyRow } from './EmptyRow.js';
import { errorText, useHostAction } from './use-host-action.js';

const FORWARD_MODES = ['nat', 'route', 'open', 'bridge', 'private', 'vepa', 'passthrough', 'hostdev'] as const;

function parse(xml: string): { model?: NetworkXml; error?: string } {
  try {
    return { model: parseNetwork(xml) };
  } catch (e) {
    return { error: errorText(e) };
  }
}

/** One network's details: bridge, forwarding, addresses with DHCP, static hosts (changed live), leases, XML. */
export function NetworkDetails({ connection, network }: { connection: string; network: NetworkSummary }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const action = useHostAction();
  const { model, error } = useMemo(() => parse(network.xml), [network.xml]);
  const [removing, setRemoving] = useState<DhcpHost | undefined>();
  const ref = { connection, key: network.key };

  const mode = model?.forwardMode;
  const modeText = mode === undefined ? t('hostdetails.forward.isolated')
    : (FORWARD_MODES as readonly string[]).includes(mode) ? t(`hostdetails.forward.${mode as (typeof FORWARD_MODES)[number]}`) : mode;
  const devices = model?.forwardDevices ?? [];
  const ips = model?.ips ?? [];
  const v4 = ips.find((ip) => ip.family === 4 && ip.element.child('dhcp') !== undefined) ?? ips.find((ip) => ip.family === 4);
  const hosts = v4?.dhcpHosts ?? [];
  const taken = new Set(hosts.flatMap((h) => [h.mac?.toLowerCase(), h.name?.toLowerCase(), h.ip]).filter((v): v is string => v !== undefined));
  const net = ((): IpNetwork | undefined => {
    try {
      return v4?.network;
    } catch {
      return undefined;
    }
  })();

  const add = (host: DhcpHostInput): Promise<boolean> =>
    action.run('dhcp-add', network.name, () => api.call('networks.updateDhcpHost', { ...ref, command: 'add', host }));
  const remove = (host: DhcpHost): void => {
    const match = { ...(host.mac ? { mac: host.mac } : {}), ...(host.name ? { name: host.name } : {}), ...(host.ip ? { ip: host.ip } : {}) };
    void action.run(`dhcp-remove:${host.mac ?? host.name ?? ''}`, network.name, () => api.call('networks.updateDhcpHost', { ...ref, command: 'delete', host: match }));
  };
  const row = (term: string, value: React.ReactNode, noTranslate = true): React.JSX.Element => (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription {...(noTranslate ? { translate: 'no' } : {})}>{value}</DescriptionListDescription>
    </DescriptionListGroup>
  );
  return (
    <section className="host-details-panel" aria-label={t('hostdetails.networkDetails', { name: network.name })}>
      <Title headingLevel="h3">{t('hostdetails.networkDetails', { name: network.name })}</Title>
      {error && <p className="empty-row">{t('hostdetails.badXml', { message: error })}</p>}
      <DescriptionList isHorizontal isCompact columnModifier={{ lg: '2Col' }} className="section-title">
        {row(t('hostdetails.bridge'), model?.bridgeName ?? t('common.none'))}
        {row(t('hostdetails.forwardMode'), modeText, false)}
        {row(t('hostdetails.forwardDevice'), devices.length > 0 ? devices.join(', ') : t('hostdetails.anyDevice'), devices.length > 0)}
        {model?.domainName !== undefined && row(t('hostdetails.dnsDomain'), model.domainName)}
        {ips.map((ip, i) => (
          <DescriptionListGroup key={i}>
            <DescriptionListTerm>{ip.family === 4 ? t('hostdetails.ipv4') : t('hostdetails.ipv6')}</DescriptionListTerm>
            <DescriptionListDescription>
              <div translate="no">{ip.address}{ip.element.attr('prefix') !== undefined ? `/${ip.element.attr('prefix') ?? ''}` : ip.netmask ? ` / ${ip.netmask}` : ''}</div>
              {ip.dhcpRanges.length === 0
                ? <div className="empty-row">{t('hostdetails.noDhcp')}</div>
                : ip.dhcpRanges.map((r) => <div key={r.start}>{t('hostdetails.dhcpRange')} <span translate="no">{`${r.start} – ${r.end}`}</span></div>)}
            </DescriptionListDescription>
          </DescriptionListGroup>
        ))}
        {ips.length === 0 && row(t('hostdetails.addresses'), t('hostdetails.noAddresses'), false)}
      </DescriptionList>

      {v4 && (
        <>
          <Title headingLevel="h4" className="section-title">{t('hostdetails.dhcp.title')}</Title>
          <Table aria-label={t('hostdetails.dhcp.title')} variant="compact">
            <Thead>
              <Tr>
                <Th>{t('hostdetails.dhcp.mac')}</Th>
                <Th>{t('hostdetails.dhcp.name')}</Th>
                <Th>{t('hostdetails.dhcp.ip')}</Th>
                <Th screenReaderText={t('hostdetails.actions')} />
              </Tr>
            </Thead>
            <Tbody>
              {hosts.length === 0 && <EmptyRow colSpan={4} text={t('hostdetails.dhcp.none')} />}
              {hosts.map((h) => (
                <Tr key={`${h.mac ?? ''}/${h.name ?? ''}/${h.ip ?? ''}`} aria-label={h.mac ?? h.name ?? h.ip}>
                  <Td translate="no">{h.mac ?? ''}</Td>
                  <Td translate="no">{h.name ?? ''}</Td>
                  <Td translate="no">{h.ip ?? ''}</Td>
                  <Td isActionCell>
                    <Button variant="link" isDanger size="sm" isLoading={action.busy.has(`dhcp-remove:${h.mac ?? h.name ?? ''}`)}
                      onClick={() => setRemoving(h)}>{t('hostdetails.remove')}</Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          <DhcpHostForm network={net} taken={taken} busy={action.busy.has('dhcp-add')} onAdd={add} />
        </>
      )}

      {network.active && <Leases connection={connection} network={network} />}

      <ExpandableSection toggleText={t('vm.xml')} className="section-title">
        <CodeBlock className="xml-view" translate="no"><CodeBlockCode aria-label={t('hostdetails.xmlOf', { name: network.name })}>{network.xml}</CodeBlockCode></CodeBlock>
      </ExpandableSection>

      {removing && (
        <ConfirmDialog title={t('hostdetails.dhcp.removeTitle', { host: removing.mac ?? removing.name ?? '' })}
          message={t('hostdetails.dhcp.removeMessage', { ip: removing.ip ?? '', name: network.name })} confirmLabel={t('hostdetails.remove')}
          onCancel={() => setRemoving(undefined)} onConfirm={() => { const h = removing; setRemoving(undefined); remove(h); }} />
      )}
    </section>
  );
}

/** The network's DHCP leases, read when shown and on Refresh. */
function Leases({ connection, network }: { connection: string; network: NetworkSummary }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [leases, setLeases] = useState<{ items?: readonly DhcpLeaseView[]; error?: string; loading: boolean }>({ loading: true });
  const load = useCallback(() => {
    setLeases((l) => ({ ...l, loading: true }));
    api.call('networks.dhcpLeases', { connection, key: network.key }).then(
      (items) => setLeases({ items, loading: false }),
      (e: unknown) => setLeases({ error: errorText(e), loading: false }),
    );
  }, [api, connection, network.key]);
  useEffect(load, [load]);
  const items = leases.items ?? [];
  return (
    <>
      <div className="host-toolbar section-title">
        <Title headingLevel="h4">{t('hostdetails.leases.title')}</Title>
        <Button variant="link" size="sm" isInline onClick={load} isLoading={leases.loading}>{t('hostdetails.refresh')}</Button>
      </div>
      <Table aria-label={t('hostdetails.leases.title')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('hostdetails.dhcp.mac')}</Th>
            <Th>{t('hostdetails.leases.address')}</Th>
            <Th>{t('hostdetails.dhcp.name')}</Th>
            <Th>{t('hostdetails.leases.expires')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {leases.error && <EmptyRow colSpan={4} text={t('hostdetails.failedDetail', { object: network.name, message: leases.error })} />}
          {!leases.error && items.length === 0 && <EmptyRow colSpan={4} text={t('hostdetails.leases.none')} />}
          {items.map((l) => (
            <Tr key={`${l.mac ?? ''}/${l.address}`}>
              <Td translate="no">{l.mac ?? ''}</Td>
              <Td translate="no">{`${l.address}/${l.prefix}`}</Td>
              <Td translate="no">{l.hostname ?? ''}</Td>
              <Td>{new Date(l.expiryTime * 1000).toLocaleString(i18n.language)}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
}
