import { Checkbox, Form, FormGroup, FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, THEMES } from '../../main/api/contract/settings-values.js';
import { languages } from '../i18n/index.js';
import type { SectionProps } from './section.js';
import { SelectField } from './SelectField.js';

/** General: the language, the theme (the same settings as the masthead's) and XML editing. */
export function GeneralSection({ settings, update }: SectionProps): React.JSX.Element {
  const { t } = useTranslation();
  const g = settings.general;
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <SelectField id="prefs-general-language" label={t('prefs.general.language')} value={g.language} values={LANGUAGES}
        labelOf={(l) => (l === 'system' ? t('prefs.general.languageSystem') : languages[l])} onChange={(language) => update({ general: { language } })} />
      <SelectField id="prefs-general-theme" label={t('prefs.general.theme')} value={g.theme} values={THEMES}
        labelOf={(x) => t(`prefs.general.themes.${x}`)} onChange={(theme) => update({ general: { theme } })} />
      <FormGroup fieldId="prefs-general-xml">
        <Checkbox id="prefs-general-xml" label={t('prefs.general.xmlEditing')} isChecked={g.xmlEditing}
          onChange={(_e, xmlEditing) => update({ general: { xmlEditing } })} />
        <FormHelperText>
          <HelperText><HelperTextItem>{t('prefs.general.xmlEditingHelp')}</HelperTextItem></HelperText>
        </FormHelperText>
      </FormGroup>
    </Form>
  );
}
