import { Checkbox, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Form, FormGroup, FormSelect, FormSelectOption, TextInput } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '../../../main/api/contract/index.js';
import { FieldMessage, validated } from '../common/FieldMessage.js';
import type { StepProps } from './step-props.js';

/** Step 5: name, network, the summary, "customize before install". */
export function FinishStep({ state, set, errors, networks, summary }: StepProps & {
  networks: readonly NetworkSummary[];
  summary: readonly { term: string; value: string }[];
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <FormGroup label={t('wizards.newvm.name')} fieldId="newvm-name" isRequired>
        <TextInput id="newvm-name" value={state.name} validated={validated(errors['name'])} onChange={(_e, name) => set({ name })} />
        <FieldMessage error={errors['name']} />
      </FormGroup>
      <FormGroup label={t('wizards.newvm.network')} fieldId="newvm-network">
        <FormSelect id="newvm-network" value={state.network} validated={validated(errors['network'])} onChange={(_e, network) => set({ network })}>
          {networks.map((n) => (
            <FormSelectOption key={n.key} value={`network:${n.name}`} label={n.active ? t('wizards.newvm.networkVirtual', { name: n.name }) : t('wizards.newvm.networkInactive', { name: n.name })} />
          ))}
          <FormSelectOption value="bridge:" label={t('wizards.newvm.networkBridge')} />
          <FormSelectOption value="none" label={t('wizards.newvm.networkNone')} />
        </FormSelect>
        <FieldMessage error={errors['network']} />
      </FormGroup>
      {state.network.startsWith('bridge:') && (
        <FormGroup label={t('wizards.newvm.bridge')} fieldId="newvm-bridge" isRequired>
          <TextInput id="newvm-bridge" value={state.bridge} validated={validated(errors['bridge'])} onChange={(_e, bridge) => set({ bridge })} />
          <FieldMessage error={errors['bridge']} />
        </FormGroup>
      )}
      <DescriptionList isCompact isHorizontal aria-label={t('wizards.newvm.summary')} className="newvm-summary">
        {summary.map((s) => (
          <DescriptionListGroup key={s.term}>
            <DescriptionListTerm>{s.term}</DescriptionListTerm>
            <DescriptionListDescription>{s.value}</DescriptionListDescription>
          </DescriptionListGroup>
        ))}
      </DescriptionList>
      <Checkbox id="newvm-customize" label={t('wizards.newvm.customize')} isChecked={state.customize} onChange={(_e, customize) => set({ customize })} />
    </Form>
  );
}
