import { Checkbox, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCALINGS, grabKeysProblem } from '../../main/api/contract/settings-values.js';
import type { SectionProps } from './section.js';
import { SelectField } from './SelectField.js';

/** Console: scaling, resizing the guest, the grab keys and autoconnect (virt-manager's "Console" page). */
export function ConsoleSection({ settings, update }: SectionProps): React.JSX.Element {
  const { t } = useTranslation();
  const c = settings.console;
  const [keys, setKeys] = useState(c.grabKeys);
  const problem = grabKeysProblem(keys);
  useEffect(() => {
    setKeys((k) => (grabKeysProblem(k) ? k : c.grabKeys));
  }, [c.grabKeys]);

  const changeKeys = (text: string): void => {
    setKeys(text);
    if (!grabKeysProblem(text) && text !== c.grabKeys) update({ console: { grabKeys: text } });
  };

  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <SelectField id="prefs-console-scaling" label={t('prefs.console.scaling')} value={c.scaling} values={SCALINGS}
        labelOf={(x) => t(`prefs.console.scalingValues.${x}`)} onChange={(scaling) => update({ console: { scaling } })} />
      <FormGroup label={t('prefs.console.grabKeys')} fieldId="prefs-console-grabkeys">
        <TextInput id="prefs-console-grabkeys" value={keys} onChange={(_e, v) => changeKeys(v)} validated={problem ? 'error' : 'default'}
          aria-invalid={problem !== undefined} translate="no" spellCheck={false} autoComplete="off" />
        <FormHelperText>
          <HelperText>
            {problem
              ? <HelperTextItem variant="error">{t(`prefs.console.grabKeysErrors.${problem.kind}`, { key: problem.kind === 'unknown' ? problem.key : '' })}</HelperTextItem>
              : <HelperTextItem>{t('prefs.console.grabKeysHelp')}</HelperTextItem>}
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <FormGroup role="group" isStack fieldId="prefs-console-flags">
        <Checkbox id="prefs-console-resize" label={t('prefs.console.resizeGuest')} isChecked={c.resizeGuest}
          onChange={(_e, resizeGuest) => update({ console: { resizeGuest } })} />
        <Checkbox id="prefs-console-autoconnect" label={t('prefs.console.autoconnect')} isChecked={c.autoconnect}
          onChange={(_e, autoconnect) => update({ console: { autoconnect } })} />
      </FormGroup>
    </Form>
  );
}
