import { FormGroup, FormHelperText, HelperText, HelperTextItem, NumberInput } from '@patternfly/react-core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A whole number with − and + (vCPUs, sockets, MiB): `commit` takes each valid number typed and returns the model's
 * refusal, if any, which shows at the field; what is typed stays as typed until `value` changes from outside.
 */
export function CountField({ id, label, value, min = 1, max, commit, onInvalid, help, warning, isDisabled, unit }: {
  id: string;
  label: string;
  value: number;
  min?: number;
  max?: number;
  commit: (n: number) => string | undefined;
  /** What is typed is not a number in range (or is again): the frame holds Apply back meanwhile. */
  onInvalid?: (message: string | undefined) => void;
  help?: ReactNode;
  warning?: ReactNode;
  isDisabled?: boolean;
  unit?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    setText(String(value));
    setError(undefined);
  }, [value]);
  const take = (raw: string): void => {
    setText(raw);
    const n = Number(raw.trim());
    const refusal = !/^\d+$/.test(raw.trim()) ? t('vmdetails.wholeNumber')
      : n < min || (max !== undefined && n > max) ? (max === undefined ? t('vmdetails.atLeast', { min }) : t('vmdetails.between', { min, max }))
        : undefined;
    if (refusal !== undefined) {
      setError(refusal);
      onInvalid?.(refusal);
      return;
    }
    setError(commit(n));
  };
  const n = Number(text);
  return (
    <FormGroup label={label} fieldId={id}>
      <NumberInput id={id} value={text === '' ? '' : n} min={min} max={max} unit={unit} isDisabled={isDisabled}
        inputName={id} inputAriaLabel={label} minusBtnAriaLabel={t('vmdetails.less', { label })} plusBtnAriaLabel={t('vmdetails.more', { label })}
        validated={error === undefined ? 'default' : 'error'}
        onMinus={() => take(String(Math.max(min, (Number.isFinite(n) ? n : value) - 1)))}
        onPlus={() => take(String(Math.min(max ?? Number.MAX_SAFE_INTEGER, (Number.isFinite(n) ? n : value) + 1)))}
        onChange={(e) => take((e.target as HTMLInputElement).value)} />
      {(error !== undefined || warning !== undefined || help !== undefined) && (
        <FormHelperText>
          <HelperText id={`${id}-helper`}>
            {error !== undefined && <HelperTextItem variant="error">{error}</HelperTextItem>}
            {error === undefined && warning !== undefined && <HelperTextItem variant="warning">{warning}</HelperTextItem>}
            {error === undefined && help !== undefined && <HelperTextItem>{help}</HelperTextItem>}
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );
}
