import { Checkbox, Form, FormGroup } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { ConfirmKind } from '../../main/api/contract/index.js';
import type { SectionProps } from './section.js';

const KINDS: readonly ConfirmKind[] = ['forceOff', 'powerOff', 'pause', 'removeDevice', 'unappliedChanges', 'deleteStorage'];

/** Confirmations: what is asked before it is done (virt-manager's "Feedback" page). */
export function ConfirmationsSection({ settings, update }: SectionProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <FormGroup label={t('prefs.confirm.intro')} role="group" isStack fieldId="prefs-confirm">
        {KINDS.map((k) => (
          <Checkbox key={k} id={`prefs-confirm-${k}`} label={t(`prefs.confirm.${k}`)} isChecked={settings.confirm[k]}
            onChange={(_e, on) => update({ confirm: { [k]: on } })} />
        ))}
      </FormGroup>
    </Form>
  );
}
