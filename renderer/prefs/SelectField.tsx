import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';

/** A labelled choice among fixed values (a preference that is one of a few). */
export function SelectField<V extends string>({ id, label, value, values, labelOf, onChange }: {
  id: string;
  label: string;
  value: V;
  values: readonly V[];
  labelOf: (v: V) => string;
  onChange: (v: V) => void;
}): React.JSX.Element {
  return (
    <FormGroup label={label} fieldId={id}>
      <FormSelect id={id} value={value} onChange={(_e, v) => {
        const chosen = values.find((x) => x === v);
        if (chosen !== undefined) onChange(chosen);
      }}>
        {values.map((v) => <FormSelectOption key={v} value={v} label={labelOf(v)} />)}
      </FormSelect>
    </FormGroup>
  );
}
