import {
  Alert, Button, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Spinner, Switch,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView, HostInfo } from '../../main/api/contract/index.js';
import { formatBytes, formatVersion } from '../components/format.js';
import { connectionName } from '../manager/connection-state.js';
import { useApi, useHostStats } from '../state/hooks.js';
import { HostGraph } from './HostGraph.js';
import { errorText, useHostAction } from './use-host-action.js';

/** What a host is (virt-manager's Connection Details overview), read with connections.hostInfo once connected. */
export function HostOverview({ view }: { view: ConnectionView }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const action = useHostAction();
  const connected = view.state.state === 'connected';
  const [info, setInfo] = useState<{ value?: HostInfo; error?: string }>({});
  const name = connectionName(view);

  useEffect(() => {
    if (!connected) return;
    let live = true;
    api.call('connections.hostInfo', { connection: view.key }).then(
      (value) => { if (live) setInfo({ value }); },
      (e: unknown) => { if (live) setInfo({ error: errorText(e) }); },
    );
    return () => {
      live = false;
    };
  }, [api, view.key, connected]);

  const act = (call: 'connections.connect' | 'connections.disconnect'): void => {
    void action.run(call, name, () => api.call(call, { connection: view.key }));
  };
  const row = (term: string, value: React.ReactNode, noTranslate = false): React.JSX.Element => (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription {...(noTranslate ? { translate: 'no' } : {})}>{value}</DescriptionListDescription>
    </DescriptionListGroup>
  );
  const i = info.value;
  return (
    <div className="host-section">
      <DescriptionList isHorizontal isCompact columnModifier={{ lg: '2Col' }}>
        {row(t('hostdetails.name'), name, true)}
        {row(t('host.uri'), view.saved.uri, true)}
        {row(t('host.autoconnect'), (
          <Switch id={`autoconnect-${view.key}`} isChecked={view.saved.autoconnect} aria-label={t('host.autoconnect')}
            isDisabled={action.busy.has('autoconnect')}
            onChange={(_e, on) => { void action.run('autoconnect', name, () => api.call('connections.update', { connection: view.key, autoconnect: on })); }} />
        ))}
        {connected && i && (
          <>
            {row(t('host.hostname'), i.hostname, true)}
            {row(t('host.hypervisor'), `${i.driver} ${formatVersion(i.hypervisorVersion)}`, true)}
            {row(t('host.libvirt'), formatVersion(i.libVersion), true)}
            {row(t('host.cpuModel'), i.cpuModel, true)}
            {row(t('host.cpus'), t('host.cpuCount', { count: i.cpus, mhz: i.mhz }))}
            {row(t('host.memory'), t('host.memoryFree', { total: formatBytes(i.memoryBytes, i18n.language), free: formatBytes(i.freeMemoryBytes, i18n.language) }))}
          </>
        )}
      </DescriptionList>
      {view.state.state === 'error' && <Alert variant="danger" isInline title={t('host.errorTitle')} className="section-title">{view.state.message}</Alert>}
      {connected && !i && !info.error && <Spinner size="lg" aria-label={t('common.loading')} />}
      {info.error && connected && <Alert variant="danger" isInline isPlain title={t('hostdetails.failed', { object: name })}>{info.error}</Alert>}
      {connected && i && <HostGraphs connection={view.key} info={i} />}
      <div className="section-title">
        {connected || view.state.state === 'connecting'
          ? <Button variant="secondary" onClick={() => act('connections.disconnect')}>{t('connection.disconnect')}</Button>
          : <Button onClick={() => act('connections.connect')}>{t('connection.connect')}</Button>}
      </div>
    </div>
  );
}

/** CPU and memory in use on the host over the last samples (VMs' share, as virt-manager counts it). */
function HostGraphs({ connection, info }: { connection: string; info: HostInfo }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const samples = useHostStats(connection);
  const cpu = samples.map((s) => (info.cpus > 0 ? (s.cpuCores / info.cpus) * 100 : 0));
  const memory = samples.map((s) => s.memoryKiB * 1024);
  const lastCpu = cpu.at(-1);
  const lastMemory = memory.at(-1);
  const pct = (v: number): string => v.toLocaleString(i18n.language, { maximumFractionDigits: 0 });
  return (
    <div className="host-graphs">
      <HostGraph values={cpu} max={100} label={t('hostdetails.cpuUsage')}
        caption={lastCpu === undefined ? t('hostdetails.waitingSamples') : t('hostdetails.cpuOf', { percent: pct(lastCpu), cpus: info.cpus })} />
      <HostGraph values={memory} max={info.memoryBytes} label={t('hostdetails.memoryUsage')}
        caption={lastMemory === undefined ? t('hostdetails.waitingSamples')
          : t('host.usedOf', { used: formatBytes(lastMemory, i18n.language), total: formatBytes(info.memoryBytes, i18n.language) })} />
    </div>
  );
}
