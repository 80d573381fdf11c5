import { Alert, Modal, Wizard, WizardHeader, WizardStep } from '@patternfly/react-core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OsDetails, OsSummary } from '../../../main/api/contract/index.js';
import { useNavigation } from '../../shell/navigation.js';
import { useApi, useConnections, useDomains, useJobWait, useNetworks, usePools, useSettings } from '../../state/hooks.js';
import { DEFAULT_POOL } from '../common/default-pool.js';
import { formatBytesPlain, uniqueName } from '../common/validators.js';
import { ValidatedFooter } from '../common/ValidatedFooter.js';
import { FinishStep } from './FinishStep.js';
import { MediaStep } from './MediaStep.js';
import { defaultMachine, MethodStep } from './MethodStep.js';
import { newVmDefaults, type InstallMethod } from './new-vm-domain.js';
import { FinishError, finishNewVm } from './new-vm-finish.js';
import { initialState, stepErrors, STEP_COUNT, type CheckContext, type NewVmState } from './new-vm-state.js';
import { ResourcesStep } from './ResourcesStep.js';
import { StorageStep } from './StorageStep.js';
import { useDomainCaps, useHostFacts } from './use-host-facts.js';

/** Methods no host can do today (none: network installs fetch the tree's kernel in main). */
const UNAVAILABLE: readonly InstallMethod[] = [];
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** The New VM wizard (five steps, each checked before Next); Finish defines and starts the VM and opens its console. */
export function NewVmWizard({ connection: asked, onClose }: { connection?: string | undefined; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const nav = useNavigation();
  const waitJob = useJobWait();
  const settings = useSettings();
  const hosts = useConnections().filter((c) => c.state.state === 'connected');
  const [state, setState] = useState<NewVmState>(() => initialState(asked ?? hosts[0]?.key ?? ''));
  const set = (patch: Partial<NewVmState>): void => setState((s) => ({ ...s, ...patch }));
  const [step, setStep] = useState(0);
  const [tried, setTried] = useState<ReadonlySet<number>>(new Set());
  const [os, setOs] = useState<OsDetails | undefined>();
  const [autoName, setAutoName] = useState(true);
  const [busy, setBusy] = useState<string | undefined>();
  const [failure, setFailure] = useState<{ title: string; detail?: string } | undefined>();
  const failureRef = useRef<HTMLDivElement>(null);
  // A failure is shown below the summary: brought into view, or the user sees only a Finish that did nothing.
  useEffect(() => {
    if (failure) failureRef.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);
  const pools = usePools(state.connection);
  const networks = useNetworks(state.connection);
  const domains = useDomains(state.connection);
  const facts = useHostFacts(state.connection);
  const guest = facts.caps?.findGuest('hvm', state.arch);
  const emulator = guest?.domainTypes.find((d) => d.type === state.virtType)?.emulator ?? guest?.emulator;
  const domCaps = useDomainCaps(state.connection, state.arch, state.machine, state.virtType, emulator);
  const newVm = settings?.newVm;
  const format = newVm?.storageFormat ?? 'qcow2';

  // Host facts arrive: the machine and accelerator it offers for the arch.
  useEffect(() => {
    if (!facts.caps) return;
    const g = facts.caps.findGuest('hvm', state.arch) ?? facts.caps.guests.find((x) => x.osType === 'hvm');
    if (!g) return;
    setState((s) => ({
      ...s,
      arch: g.arch,
      machine: s.machine || defaultMachine(facts.caps, g.arch),
      virtType: g.domainTypes.some((d) => d.type === 'kvm') ? s.virtType : 'qemu',
    }));
    // Only when the host's capabilities change.
  }, [facts.caps]);

  // The network default: the host's `default` network, else its first.
  useEffect(() => {
    if (state.network !== 'none' || networks.length === 0) return;
    const n = networks.find((x) => x.name === 'default') ?? networks[0]!;
    set({ network: `network:${n.name}` });
  }, [networks.length, state.connection]);

  const chooseOs = (summary: OsSummary): void => {
    set({ osId: summary.id });
    void api.call('osinfo.get', { id: summary.id }).then((details) => {
      setOs(details);
      const rec = details.recommended;
      const min = details.minimum;
      // Prefilled from the OS's recommendation, kept within what the host has.
      const ram = rec.ram ?? min.ram;
      const hostMem = facts.info?.memoryBytes;
      const memory = ram ? Math.max(Math.round(Math.min(ram, hostMem ? hostMem / 2 : ram) / MiB), 16) : undefined;
      const cpus = rec.cpus ?? min.cpus;
      const storage = rec.storage ?? min.storage;
      setState((s) => ({
        ...s,
        ...(memory ? { memoryMiB: String(memory) } : {}),
        ...(cpus ? { vcpus: String(Math.min(cpus, facts.info?.cpus ?? cpus)) } : {}),
        ...(storage ? { diskGiB: String(Math.round((storage / GiB) * 10) / 10) } : {}),
      }));
    }).catch(() => undefined);
  };

  // The name from the OS's short id, unique on the host, until the user types one.
  const domainNames = domains.map((d) => d.name);
  useEffect(() => {
    if (!autoName || !os) return;
    set({ name: uniqueName(os.shortId, domainNames) });
  }, [os, autoName, domainNames.join('\n')]);

  const defaultPool = pools.find((p) => p.name === DEFAULT_POOL);
  const ctx: CheckContext = {
    ...(facts.info ? { hostMemory: facts.info.memoryBytes, hostCpus: facts.info.cpus } : {}),
    ...(domCaps?.maxVcpus ? { maxVcpus: domCaps.maxVcpus } : {}),
    ...(defaultPool?.active ? { poolAvailable: defaultPool.available } : {}),
    domainNames,
    ...(os ? { os } : {}),
    unavailable: UNAVAILABLE,
  };
  const errorsAt = (i: number) => stepErrors(i, state, ctx);
  const shown = (i: number) => (tried.has(i) ? errorsAt(i) : {});

  const defaults = useMemo(() => newVmDefaults({
    name: state.name, memoryMiB: Number(state.memoryMiB), vcpus: Number(state.vcpus), arch: state.arch, ...(state.machine ? { machine: state.machine } : {}),
    virtType: state.virtType, ...(os ? { os } : {}), method: state.method, graphics: newVm?.graphics ?? 'vnc',
    firmwarePreference: newVm?.firmware ?? 'bios', cpuModePreference: newVm?.cpuMode ?? 'host-passthrough', ...(domCaps ? { caps: domCaps } : {}),
  }), [state, os, newVm, domCaps]);

  const summary = [
    { term: t('wizards.newvm.summaryOs'), value: os?.name ?? '—' },
    { term: t('wizards.newvm.summaryInstall'), value: t(`wizards.newvm.methods.${state.method}`) },
    { term: t('wizards.newvm.summaryMemory'), value: formatBytesPlain(Number(state.memoryMiB) * MiB) },
    { term: t('wizards.newvm.summaryCpus'), value: state.vcpus },
    {
      term: t('wizards.newvm.summaryStorage'),
      value: state.method === 'import' ? (state.importDisk?.volume ?? '—') : state.method === 'cloud' ? t('wizards.newvm.summaryOverlay', { base: state.cloudImage?.volume ?? '—' })
        : state.storage === 'new' ? t('wizards.newvm.summaryNewDisk', { size: `${state.diskGiB} GiB`, format, pool: DEFAULT_POOL })
          : state.storage === 'existing' ? (state.existingDisk?.volume ?? '—') : t('wizards.newvm.storageNone'),
    },
    { term: t('wizards.newvm.summaryMachine'), value: `${state.arch} · ${defaults.machine ?? t('wizards.newvm.machineDefault')} · ${state.virtType === 'kvm' ? 'KVM' : 'TCG'}` },
    { term: t('wizards.newvm.summaryFirmware'), value: defaults.firmware === 'efi' ? 'UEFI' : 'BIOS' },
    { term: t('wizards.newvm.summaryDevices'), value: [`${t('wizards.newvm.disk')} ${defaults.diskBus}`, `NIC ${defaults.nicModel}`, `${t('wizards.newvm.video')} ${defaults.video}`].join(' · ') },
  ];

  const finish = (): void => {
    setFailure(undefined);
    setBusy('pool');
    void finishNewVm(state, {
      api, waitJob, pools, os, caps: domCaps, emulator, format, graphics: newVm?.graphics ?? 'vnc', firmware: newVm?.firmware ?? 'bios',
      cpuMode: newVm?.cpuMode ?? 'host-passthrough', stage: setBusy,
    }).then((r) => {
      setBusy(undefined);
      const left = r.startError ? { title: t('wizards.newvm.startFailed', { name: state.name }), detail: r.startError }
        : r.installBootError ? { title: t('wizards.newvm.installBootFailed', { name: state.name }), detail: r.installBootError } : undefined;
      if (left) {
        setFailure(left);
        nav.open({ kind: 'vm', connection: state.connection, key: r.key, page: 'details' });
        return;
      }
      nav.open({ kind: 'vm', connection: state.connection, key: r.key, page: r.started ? 'console' : 'details' });
      onClose();
    }).catch((e: unknown) => {
      setBusy(undefined);
      const removed = e instanceof FinishError ? e.removed : [];
      const left = e instanceof FinishError ? e.leftBehind : [];
      setFailure({
        title: t('wizards.newvm.failed'),
        detail: [e instanceof Error ? e.message : String(e),
          removed.length ? t('wizards.common.volumesRemoved', { names: removed.join(', ') }) : '',
          left.length ? t('wizards.common.volumesLeft', { names: left.join(', ') }) : ''].filter(Boolean).join(' '),
      });
    });
  };

  const stepNames = [t('wizards.newvm.steps.method'), t('wizards.newvm.steps.media'), t('wizards.newvm.steps.resources'), t('wizards.newvm.steps.storage'), t('wizards.newvm.steps.finish')];
  const status = (i: number): 'error' | 'default' => (tried.has(i) && Object.keys(errorsAt(i)).length > 0 ? 'error' : 'default');
  return (
    // The wizard's header has the close button; the modal only takes Escape.
    <Modal isOpen variant="large" onEscapePress={() => { if (!busy) onClose(); }} aria-label={t('wizards.newvm.title')} className="newvm-modal">
      <Wizard height={680} isVisitRequired
        onStepChange={(_e, current) => setStep(Number(current.index) - 1)}
        header={<WizardHeader title={t('wizards.newvm.title')} description={t('wizards.common.stepOf', { n: step + 1, total: STEP_COUNT })}
          onClose={onClose} isCloseHidden={!!busy} closeButtonAriaLabel={t('wizards.common.close')} />}
        footer={<ValidatedFooter valid={(i) => Object.keys(errorsAt(i)).length === 0} busy={!!busy} finishLabel={t('wizards.newvm.finish')}
          onTried={(i) => setTried((s) => new Set(s).add(i))} onFinish={finish} onCancel={onClose} />}>
        <WizardStep id="newvm-step-method" name={stepNames[0]} status={status(0)}>
          {facts.error && <Alert variant="danger" isInline title={t('wizards.newvm.hostFailed')}>{facts.error}</Alert>}
          {hosts.length === 0 ? <Alert variant="warning" isInline title={t('wizards.newvm.noHost')} />
            : <MethodStep state={state} set={set} errors={shown(0)} hosts={hosts} caps={facts.caps} unavailable={UNAVAILABLE} />}
        </WizardStep>
        <WizardStep id="newvm-step-media" name={stepNames[1]} status={status(1)}>
          <MediaStep state={state} set={set} errors={shown(1)} pools={pools} os={os} onOs={chooseOs} />
        </WizardStep>
        <WizardStep id="newvm-step-resources" name={stepNames[2]} status={status(2)}>
          <ResourcesStep state={state} set={set} errors={shown(2)} os={os} hostMemory={facts.info?.memoryBytes} hostCpus={facts.info?.cpus} />
        </WizardStep>
        <WizardStep id="newvm-step-storage" name={stepNames[3]} status={status(3)}>
          <StorageStep state={state} set={set} errors={shown(3)} pools={pools} format={format} recommended={os?.recommended.storage} />
        </WizardStep>
        <WizardStep id="newvm-step-finish" name={stepNames[4]} status={status(4)}>
          <FinishStep state={state} set={(p) => { if (p.name !== undefined) setAutoName(false); set(p); }} errors={shown(4)} networks={networks} summary={summary} />
          {busy && <Alert variant="info" isInline title={t(`wizards.newvm.stage.${busy}`)} className="newvm-progress" />}
          <div ref={failureRef}>{failure && <Alert variant="danger" isInline title={failure.title} className="newvm-progress">{failure.detail}</Alert>}</div>
        </WizardStep>
      </Wizard>
    </Modal>
  );
}

/** Where the shell shows the wizard when asked (toolbar button, Ctrl+N). */
export { openNewVm } from './new-vm-launcher.js';
