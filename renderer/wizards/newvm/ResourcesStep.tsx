import { Form, FormGroup, TextInput } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { OsDetails } from '../../../main/api/contract/osinfo.js';
import { FieldMessage, validated } from '../common/FieldMessage.js';
import { formatBytesPlain, memoryWarning } from '../common/validators.js';
import type { StepProps } from './step-props.js';

/** Step 3: memory and vCPUs, prefilled from the OS's recommendation and checked against its minimum and the host. */
export function ResourcesStep({ state, set, errors, os, hostMemory, hostCpus }: StepProps & {
  os: OsDetails | undefined;
  hostMemory: number | undefined;
  hostCpus: number | undefined;
}): React.JSX.Element {
  const { t } = useTranslation();
  const rec = os?.recommended;
  const min = os?.minimum;
  const memHint = [
    rec?.ram ? t('wizards.newvm.recommended', { value: formatBytesPlain(rec.ram) }) : '',
    min?.ram ? t('wizards.newvm.minimum', { value: formatBytesPlain(min.ram) }) : '',
    hostMemory ? t('wizards.newvm.hostHas', { value: formatBytesPlain(hostMemory) }) : '',
  ].filter(Boolean).join(' · ');
  const cpuHint = [
    rec?.cpus ? t('wizards.newvm.recommended', { value: rec.cpus }) : '',
    min?.cpus ? t('wizards.newvm.minimum', { value: min.cpus }) : '',
    hostCpus ? t('wizards.newvm.hostCpus', { value: hostCpus }) : '',
  ].filter(Boolean).join(' · ');
  const mib = Number(state.memoryMiB);
  const warning = !errors['memory'] && Number.isFinite(mib) ? memoryWarning(mib, min?.ram, os?.name ?? '') : undefined;
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <FormGroup label={t('wizards.newvm.memory')} fieldId="newvm-memory" isRequired>
        <TextInput id="newvm-memory" value={state.memoryMiB} validated={errors['memory'] ? 'error' : warning ? 'warning' : 'default'}
          onChange={(_e, memoryMiB) => set({ memoryMiB })} />
        <FieldMessage error={errors['memory']} warning={warning} hint={memHint} />
      </FormGroup>
      <FormGroup label={t('wizards.newvm.vcpus')} fieldId="newvm-vcpus" isRequired>
        <TextInput id="newvm-vcpus" value={state.vcpus} validated={validated(errors['vcpus'])} onChange={(_e, vcpus) => set({ vcpus })} />
        <FieldMessage error={errors['vcpus']} hint={cpuHint} />
      </FormGroup>
    </Form>
  );
}
