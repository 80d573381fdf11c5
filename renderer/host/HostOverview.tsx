import {
  Alert, Button, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Spinner,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView, HostInfo } from '../../main/api/contract/index.js';
import { formatBytes, formatVersion } from '../components/format.js';
import { useApi, useNotifications } from '../state/hooks.js';

/** What a host is (virt-manager's Connection Details overview), read with connections.hostInfo once connected. */
export function HostOverview({ view }: { view: ConnectionView }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notifications = useNotifications();
  const connected = view.state.state === 'connected';
  const [info, setInfo] = useState<{ value?: HostInfo; error?: string }>({});

  useEffect(() => {
    if (!connected) return;
    let live = true;
    api.call('connections.hostInfo', { connection: view.key }).then(
      (value) => { if (live) setInfo({ value }); },
      (e: unknown) => { if (live) setInfo({ error: e instanceof Error ? e.message : String(e) }); },
    );
    return () => {
      live = false;
    };
  }, [api, view.key, connected]);

  const act = (call: 'connections.connect' | 'connections.disconnect'): void => {
    api.call(call, { connection: view.key }).catch((e: unknown) => {
      notifications.push({ variant: 'danger', title: view.saved.name || view.saved.uri, detail: e instanceof Error ? e.message : String(e) });
    });
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
        {row(t('host.uri'), view.saved.uri, true)}
        {row(t('host.autoconnect'), view.saved.autoconnect ? t('common.yes') : t('common.no'))}
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
      {info.error && connected && <Alert variant="danger" isInline isPlain title={info.error} />}
      <div className="section-title">
        {connected || view.state.state === 'connecting'
          ? <Button variant="secondary" onClick={() => act('connections.disconnect')}>{t('connection.disconnect')}</Button>
          : <Button onClick={() => act('connections.connect')}>{t('connection.connect')}</Button>}
      </div>
    </div>
  );
}
