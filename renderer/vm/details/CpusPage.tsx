import { Checkbox, FormGroup, FormSection } from '@patternfly/react-core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainXml } from '../../../drivers/xml/index.js';
import { useHostInfo } from '../../manager/use-host-cpus.js';
import { DeviceForm } from '../devices/parts/DevicePageForm.js';
import { ChoiceField, InfoField, type Choice } from '../devices/parts/FormParts.js';
import { useDomainCaps } from '../devices/parts/use-domain-caps.js';
import { CountField } from './CountField.js';
import { editField, type SectionPageProps } from './section-page.js';

/** The CPU configuration as one choice: none (the hypervisor's default), a mode, or a named model. */
function cpuChoiceOf(dom: DomainXml): string {
  const cpu = dom.cpu;
  if (cpu === undefined) return 'default';
  const mode = cpu.mode ?? (cpu.model !== undefined ? 'custom' : undefined);
  if (mode === undefined) return 'default';
  if (mode === 'custom') return cpu.model === undefined ? 'default' : `model:${cpu.model}`;
  return mode;
}

function setCpuChoice(dom: DomainXml, choice: string): void {
  const cpu = dom.cpu;
  if (choice === 'default') {
    if (cpu === undefined) return;
    // The topology is the user's; the rest of <cpu> (mode, model, features) goes.
    if (cpu.topology === undefined) {
      dom.element.removeChild(cpu.element);
      return;
    }
    cpu.mode = undefined;
    cpu.model = undefined;
    for (const f of cpu.features) cpu.setFeature(f.name, undefined);
    for (const a of ['match', 'check', 'migratable']) cpu.element.setAttr(a, undefined);
    return;
  }
  const c = dom.ensureCpu();
  if (choice.startsWith('model:')) {
    c.mode = 'custom';
    c.element.setAttr('match', 'exact');
    c.model = choice.slice('model:'.length);
    return;
  }
  c.mode = choice;
  c.model = undefined;
  c.element.setAttr('match', undefined);
  for (const f of c.features) c.setFeature(f.name, undefined);
}

/** CPUs: how many vCPUs (now and at most), which CPU the guest sees, and its topology. */
export function CpusPage(props: SectionPageProps): React.JSX.Element {
  const { t } = useTranslation();
  const { connection, draft, live, running } = props;
  const host = useHostInfo(connection);
  const caps = useDomainCaps(connection, draft);
  const max = draft.vcpus ?? 1;
  const current = draft.currentVcpus ?? max;
  // While it runs, vCPUs are hot-plugged up to the maximum it was started with.
  const liveMax = running ? (live?.vcpus ?? max) : max;
  const capsMax = caps?.maxVcpus;
  const topology = draft.cpu?.topology;
  const hostCpus = host?.cpus;
  const overcommit = hostCpus !== undefined && max > hostCpus;

  const modes = caps?.cpuModes ?? [];
  const supported = (m: string): boolean => modes.length === 0 || modes.some((x) => x.name === m && x.supported);
  const models = modes.find((m) => m.name === 'custom' && m.supported)?.models ?? [];
  const value = cpuChoiceOf(draft);
  const choices: Choice[] = [
    { value: 'default', label: t('vmdetails.cpus.hypervisorDefault') },
    ...(['host-passthrough', 'host-model', 'maximum'] as const).filter(supported).map((m) => ({ value: m, label: t(`vmdetails.cpus.mode.${m}`) })),
    ...[...models].sort((a, b) => Number(b.usable !== 'no') - Number(a.usable !== 'no') || a.name.localeCompare(b.name))
      .map((m) => ({ value: `model:${m.name}`, label: m.usable === 'no' ? t('vmdetails.cpus.modelUnusable', { model: m.name }) : m.name })),
  ];

  const topologyError = topology !== undefined && topology.sockets * (topology.dies ?? 1) * (topology.clusters ?? 1) * topology.cores * topology.threads !== max
    ? t('vmdetails.cpus.topologyMismatch', { product: topology.sockets * (topology.dies ?? 1) * (topology.clusters ?? 1) * topology.cores * topology.threads, max })
    : undefined;
  const setTopology = (part: 'sockets' | 'cores' | 'threads', n: number): string | undefined => editField(props, 'cpu.topology', () => {
    const now = draft.ensureCpu().topology ?? { sockets: max, cores: 1, threads: 1 };
    draft.ensureCpu().topology = { ...now, [part]: n };
  });
  // A topology that does not add up to the maximum blocks Apply (libvirt would refuse it), wherever it came from.
  const { onInvalid } = props;
  useEffect(() => onInvalid('cpu.topology.product', topologyError), [onInvalid, topologyError]);
  const invalid = (field: string) => (m: string | undefined): void => props.onInvalid(field, m);

  return (
    <DeviceForm id="vm-cpus">
      <InfoField id="vm-host-cpus" label={t('vmdetails.cpus.hostCpus')} value={hostCpus === undefined ? t('common.loading') : t('vmdetails.cpus.logical', { count: hostCpus })} />
      <CountField id="vm-vcpus-current" label={t('vmdetails.cpus.current')} value={current} max={liveMax} onInvalid={invalid('vcpu.current')}
        help={running ? t('vmdetails.cpus.currentLive', { max: liveMax }) : t('vmdetails.cpus.currentHelp')}
        commit={(n) => editField(props, 'vcpu.current', () => {
          draft.currentVcpus = n === max ? undefined : n;
        })} />
      <CountField id="vm-vcpus-max" label={t('vmdetails.cpus.maximum')} value={max} max={capsMax} onInvalid={invalid('vcpu')}
        help={running ? t('vmdetails.cpus.maximumRunning') : undefined}
        warning={overcommit ? t('vmdetails.cpus.overcommit', { max, host: hostCpus }) : undefined}
        commit={(n) => editField(props, 'vcpu', () => {
          const cur = current;
          draft.vcpus = n;
          draft.currentVcpus = cur < n ? cur : undefined;
          const topo = draft.cpu?.topology;
          // A topology that no longer adds up follows the count as sockets, as virt-manager does.
          if (topo !== undefined && topo.sockets * topo.cores * topo.threads !== n && n % (topo.cores * topo.threads) === 0) {
            draft.ensureCpu().topology = { ...topo, sockets: n / (topo.cores * topo.threads) };
          }
        })} />
      <ChoiceField id="vm-cpu-model" label={t('vmdetails.cpus.model')} value={value} choices={choices}
        help={running ? t('vmdetails.cpus.nextBoot') : t('vmdetails.cpus.modelHelp')}
        onChange={(v) => editField(props, 'cpu', () => setCpuChoice(draft, v))} />
      <FormSection title={t('vmdetails.cpus.topology')} titleElement="h4">
        <FormGroup fieldId="vm-topology-manual">
          <Checkbox id="vm-topology-manual" label={t('vmdetails.cpus.manualTopology')} isChecked={topology !== undefined}
            onChange={(_e, on) => editField(props, 'cpu.topology', () => {
              if (on) draft.ensureCpu().topology = { sockets: max, cores: 1, threads: 1 };
              else if (draft.cpu !== undefined) {
                draft.cpu.topology = undefined;
                if (draft.cpu.element.attributes.length === 0 && draft.cpu.element.elements.length === 0) draft.element.removeChild(draft.cpu.element);
              }
            })} />
        </FormGroup>
        {topology !== undefined && (
          <>
            <CountField id="vm-topology-sockets" label={t('vmdetails.cpus.sockets')} value={topology.sockets} onInvalid={invalid('cpu.topology')}
              commit={(n) => setTopology('sockets', n)} />
            <CountField id="vm-topology-cores" label={t('vmdetails.cpus.cores')} value={topology.cores} onInvalid={invalid('cpu.topology')}
              commit={(n) => setTopology('cores', n)} />
            <CountField id="vm-topology-threads" label={t('vmdetails.cpus.threads')} value={topology.threads} onInvalid={invalid('cpu.topology')}
              commit={(n) => setTopology('threads', n)} warning={topologyError} />
          </>
        )}
      </FormSection>
    </DeviceForm>
  );
}
