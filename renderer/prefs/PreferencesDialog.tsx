import { Alert, Button, Content, Modal, ModalBody, ModalFooter, ModalHeader, Tab, Tabs, TabTitleText } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsChange } from '../../main/api/contract/index.js';
import { ConfirmationsSection } from './ConfirmationsSection.js';
import { ConsoleSection } from './ConsoleSection.js';
import { GeneralSection } from './GeneralSection.js';
import { NewVmSection } from './NewVmSection.js';
import type { SectionProps } from './section.js';
import { StatsSection } from './StatsSection.js';
import { usePreferences, useUpdateSettings } from './use-preferences.js';

export type PreferencesSection = 'general' | 'stats' | 'newVm' | 'console' | 'confirm';
const SECTIONS: readonly { id: PreferencesSection; View: (p: SectionProps) => React.JSX.Element }[] = [
  { id: 'general', View: GeneralSection },
  { id: 'stats', View: StatsSection },
  { id: 'newVm', View: NewVmSection },
  { id: 'console', View: ConsoleSection },
  { id: 'confirm', View: ConfirmationsSection },
];

/** Preferences, as virt-manager's dialog: one tab per section; each change is saved and applied at once. */
export function PreferencesDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const settings = usePreferences();
  const save = useUpdateSettings();
  const [section, setSection] = useState<PreferencesSection>('general');
  const [failure, setFailure] = useState<string | undefined>();
  const update = (change: SettingsChange): void => {
    setFailure(undefined);
    save(change).catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  };

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="prefs-title" className="prefs-dialog">
      <ModalHeader title={t('prefs.title')} labelId="prefs-title" />
      <ModalBody>
        <Tabs activeKey={section} onSelect={(_e, k) => setSection(SECTIONS.find((s) => s.id === k)?.id ?? 'general')}
          aria-label={t('prefs.title')} mountOnEnter unmountOnExit>
          {SECTIONS.map(({ id, View }) => (
            <Tab key={id} eventKey={id} title={<TabTitleText>{t(`prefs.sections.${id}`)}</TabTitleText>} data-section={id}>
              <div className="prefs-section" style={{ paddingBlockStart: 'var(--pf-t--global--spacer--lg)', minBlockSize: '26rem' }}><View settings={settings} update={update} /></div>
            </Tab>
          ))}
        </Tabs>
        {failure && <Alert variant="danger" isInline isPlain title={t('prefs.saveFailed', { message: failure })} className="prefs-failure" />}
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={onClose}>{t('common.close')}</Button>
        <Content component="small" className="prefs-applied">{t('prefs.applied')}</Content>
      </ModalFooter>
    </Modal>
  );
}
