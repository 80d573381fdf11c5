import { Alert } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { XmlEditor } from '../../components/xml/XmlEditor.js';
import { usePreferences } from '../../prefs/use-preferences.js';

/**
 * A page's XML: editable when the preference allows XML editing (well-formed text becomes the draft's at once, see
 * VmEditor.editXml), read-only otherwise. `error` is the parser's or libvirt's, at its line.
 */
export function XmlTab({ value, label, onChange, error, readOnly = false }: {
  value: string;
  label: string;
  onChange: (text: string) => void;
  error?: { readonly line?: number; readonly message: string } | undefined;
  readOnly?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const editable = usePreferences().general.xmlEditing && !readOnly;
  return (
    <div className="xml-view">
      {!editable && !readOnly && <Alert variant="info" isInline isPlain title={t('vmdetails.xml.readOnly')} className="vm-xml-note" />}
      <div translate="no">
        <XmlEditor value={value} label={label} readOnly={!editable} onChange={onChange} {...(error === undefined ? {} : { error })} />
      </div>
    </div>
  );
}
