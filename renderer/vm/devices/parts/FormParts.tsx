import {
  Button, Checkbox, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, InputGroup, InputGroupItem, TextInput,
} from '@patternfly/react-core';
import { EyeIcon, EyeSlashIcon } from '@patternfly/react-icons';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// The form parts every device's fields are made of: a choice, a text typed into the model (its refusal shown at
// the field), a flag, a value shown read-only. Ids are `dev-<field>` so tests and labels find them.

export interface Choice {
  readonly value: string;
  readonly label: string;
}

function Helper({ id, error, help }: { id: string; error: string | undefined; help: ReactNode }): React.JSX.Element | null {
  if (error === undefined && help === undefined) return null;
  return (
    <FormHelperText>
      <HelperText id={`${id}-helper`}>
        {error !== undefined
          ? <HelperTextItem variant="error">{error}</HelperTextItem>
          : <HelperTextItem>{help}</HelperTextItem>}
      </HelperText>
    </FormHelperText>
  );
}

/** One of fixed values; a value the XML holds that is not among them is kept and shown as it is. */
export function ChoiceField({ id, label, value, choices, onChange, help, isDisabled, error }: {
  id: string;
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (v: string) => void;
  help?: ReactNode;
  isDisabled?: boolean;
  error?: string | undefined;
}): React.JSX.Element {
  const all = choices.some((c) => c.value === value) ? choices : [{ value, label: value }, ...choices];
  return (
    <FormGroup label={label} fieldId={`dev-${id}`}>
      <FormSelect id={`dev-${id}`} value={value} isDisabled={isDisabled} validated={error === undefined ? 'default' : 'error'}
        onChange={(_e, v) => onChange(v)} aria-describedby={`dev-${id}-helper`}>
        {all.map((c) => <FormSelectOption key={c.value} value={c.value} label={c.label} />)}
      </FormSelect>
      <Helper id={`dev-${id}`} error={error} help={help} />
    </FormGroup>
  );
}

/**
 * Text the model takes as it is typed: `commit` returns the model's refusal (shown at the field, the typed text
 * kept) or undefined. A change of `value` from outside (another page's edit, a reload) replaces the text.
 */
export function TextField({ id, label, value, commit, help, placeholder, isDisabled, type, isRequired }: {
  id: string;
  label: string;
  value: string;
  commit: (text: string) => string | undefined;
  help?: ReactNode;
  placeholder?: string;
  isDisabled?: boolean;
  type?: 'text' | 'password' | 'number';
  isRequired?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | undefined>(undefined);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    setText(value);
    setError(undefined);
  }, [value]);
  const input = (
    <TextInput id={`dev-${id}`} value={text} isDisabled={isDisabled} placeholder={placeholder} isRequired={isRequired}
      type={type === 'password' && !shown ? 'password' : type === 'number' ? 'number' : 'text'}
      validated={error === undefined ? 'default' : 'error'} aria-invalid={error !== undefined} aria-describedby={`dev-${id}-helper`}
      onChange={(_e, v) => {
        setText(v);
        setError(commit(v));
      }} />
  );
  return (
    <FormGroup label={label} fieldId={`dev-${id}`} isRequired={isRequired}>
      {type === 'password'
        ? (
          <InputGroup>
            <InputGroupItem isFill>{input}</InputGroupItem>
            <InputGroupItem>
              <Button variant="control" aria-label={shown ? t('vmdevices.hidePassword') : t('vmdevices.showPassword')} onClick={() => setShown(!shown)}
                icon={shown ? <EyeSlashIcon /> : <EyeIcon />} />
            </InputGroupItem>
          </InputGroup>
        )
        : input}
      <Helper id={`dev-${id}`} error={error} help={help} />
    </FormGroup>
  );
}

/** A flag (read-only, shareable, link up…). */
export function CheckField({ id, label, checked, onChange, help, isDisabled }: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  help?: ReactNode;
  isDisabled?: boolean;
}): React.JSX.Element {
  return (
    <FormGroup fieldId={`dev-${id}`}>
      <Checkbox id={`dev-${id}`} label={label} isChecked={checked} isDisabled={isDisabled} onChange={(_e, on) => onChange(on)}
        description={help} />
    </FormGroup>
  );
}

/** A value shown, not edited (what libvirt assigned, what the host reports). */
export function InfoField({ id, label, value }: { id: string; label: string; value: ReactNode }): React.JSX.Element {
  return (
    <FormGroup label={label} fieldId={`dev-${id}`}>
      <div id={`dev-${id}`} className="hangar-device-info">{value}</div>
    </FormGroup>
  );
}

/** Plain values offered as they are (models, buses: libvirt's own names). */
export function plainChoices(values: readonly string[]): Choice[] {
  return values.map((v) => ({ value: v, label: v }));
}
