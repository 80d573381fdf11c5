import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { FieldError } from './validators.js';

/** A field's message under it: its error, else a warning, else the hint, else nothing. */
export function FieldMessage({ error, warning, hint, id }: { error?: FieldError | undefined; warning?: FieldError | undefined; hint?: string; id?: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  const item = error
    ? <HelperTextItem variant="error" {...(id ? { id } : {})}>{t(error.key, error.values ?? {})}</HelperTextItem>
    : warning
      ? <HelperTextItem variant="warning">{t(warning.key, warning.values ?? {})}</HelperTextItem>
      : hint ? <HelperTextItem>{hint}</HelperTextItem> : null;
  if (!item) return null;
  return <FormHelperText><HelperText>{item}</HelperText></FormHelperText>;
}

/** PatternFly's validated state for a field with this error. */
export const validated = (e: FieldError | undefined): 'error' | 'default' => (e ? 'error' : 'default');
