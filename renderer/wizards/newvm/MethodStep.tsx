import { Alert, Form, FormGroup, FormSelect, FormSelectOption, Radio } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../../main/api/contract/index.js';
import type { CapabilitiesXml } from '../../../drivers/xml/index.js';
import { FieldMessage, validated } from '../common/FieldMessage.js';
import type { InstallMethod } from './new-vm-domain.js';
import type { StepProps } from './step-props.js';

export const METHODS: readonly InstallMethod[] = ['iso', 'url', 'import', 'pxe', 'manual', 'cloud'];

/** The machine type the wizard proposes: Q35 where the host has it on x86 (as virt-install), else the default. */
export function defaultMachine(caps: CapabilitiesXml | undefined, arch: string): string {
  const guest = caps?.findGuest('hvm', arch);
  const machines = guest?.machines ?? [];
  if (arch === 'x86_64' || arch === 'i686') {
    if (machines.some((m) => m.name === 'q35')) return 'q35';
  }
  return machines.find((m) => m.canonical)?.name ?? machines[0]?.name ?? '';
}

/** Step 1: host, install method, architecture, machine type, KVM or emulation. */
export function MethodStep({ state, set, errors, hosts, caps, unavailable }: StepProps & {
  hosts: readonly ConnectionView[];
  caps: CapabilitiesXml | undefined;
  unavailable: readonly InstallMethod[];
}): React.JSX.Element {
  const { t } = useTranslation();
  const guests = (caps?.guests ?? []).filter((g) => g.osType === 'hvm');
  const guest = guests.find((g) => g.arch === state.arch);
  const hasKvm = guest?.domainTypes.some((d) => d.type === 'kvm') ?? false;
  const machines = guest?.machines ?? [];
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      {hosts.length > 1 && (
        <FormGroup label={t('wizards.newvm.host')} fieldId="newvm-host" isRequired>
          <FormSelect id="newvm-host" value={state.connection} validated={validated(errors['connection'])}
            onChange={(_e, connection) => set({ connection, iso: undefined, importDisk: undefined, cloudImage: undefined, existingDisk: undefined, machine: '' })}>
            {hosts.map((h) => <FormSelectOption key={h.key} value={h.key} label={h.saved.name || h.saved.uri} />)}
          </FormSelect>
          <FieldMessage error={errors['connection']} />
        </FormGroup>
      )}
      <FormGroup label={t('wizards.newvm.method')} fieldId="newvm-method" role="radiogroup" isStack isRequired>
        {METHODS.map((m) => (
          <Radio key={m} id={`newvm-method-${m}`} name="newvm-method" label={t(`wizards.newvm.methods.${m}`)}
            description={unavailable.includes(m) ? t(`wizards.newvm.unavailable.${m}`) : t(`wizards.newvm.methodHints.${m}`)}
            isChecked={state.method === m} isDisabled={unavailable.includes(m)} onChange={() => set({ method: m })} />
        ))}
        <FieldMessage error={errors['method']} />
      </FormGroup>
      <FormGroup label={t('wizards.newvm.arch')} fieldId="newvm-arch" isRequired>
        <FormSelect id="newvm-arch" value={state.arch} validated={validated(errors['arch'])}
          onChange={(_e, arch) => {
            const g = guests.find((x) => x.arch === arch);
            set({ arch, machine: defaultMachine(caps, arch), virtType: g?.domainTypes.some((d) => d.type === 'kvm') ? 'kvm' : 'qemu' });
          }}>
          {guests.length === 0 && <FormSelectOption value={state.arch} label={state.arch} />}
          {guests.map((g) => <FormSelectOption key={g.arch} value={g.arch} label={g.arch} />)}
        </FormSelect>
        <FieldMessage error={errors['arch']} />
      </FormGroup>
      <FormGroup label={t('wizards.newvm.machine')} fieldId="newvm-machine">
        <FormSelect id="newvm-machine" value={state.machine} onChange={(_e, machine) => set({ machine })}>
          {machines.length === 0 && <FormSelectOption value="" label={t('wizards.newvm.machineDefault')} />}
          {machines.map((m) => <FormSelectOption key={m.name} value={m.name} label={m.canonical ? `${m.name} (${m.canonical})` : m.name} />)}
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('wizards.newvm.virtType')} fieldId="newvm-virt" role="radiogroup" isStack>
        <Radio id="newvm-virt-kvm" name="newvm-virt" label={t('wizards.newvm.kvm')} isChecked={state.virtType === 'kvm'} isDisabled={!hasKvm}
          onChange={() => set({ virtType: 'kvm' })} />
        <Radio id="newvm-virt-qemu" name="newvm-virt" label={t('wizards.newvm.emulation')} isChecked={state.virtType === 'qemu'}
          onChange={() => set({ virtType: 'qemu' })} />
      </FormGroup>
      {caps && !hasKvm && <Alert variant="warning" isInline title={t('wizards.newvm.noKvm', { arch: state.arch })} />}
      {caps && hasKvm && state.virtType === 'qemu' && <Alert variant="info" isInline title={t('wizards.newvm.emulationSlow')} />}
    </Form>
  );
}
