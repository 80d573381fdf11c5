import { DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Modal, ModalBody, ModalHeader } from '@patternfly/react-core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts.js';

/** Every keyboard shortcut of the app, from the same table the handler uses. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="shortcuts-title">
      <ModalHeader title={t('shortcuts.title')} labelId="shortcuts-title" />
      <ModalBody>
        <DescriptionList isHorizontal isCompact termWidth="22ch">
          {SHORTCUTS.map((s) => (
            <DescriptionListGroup key={s.id}>
              <DescriptionListTerm>
                {s.keys.map((k, i) => (
                  <Fragment key={k}>{i > 0 && <span className="key-or"> {t('shortcuts.or')} </span>}<kbd translate="no">{k}</kbd></Fragment>
                ))}
              </DescriptionListTerm>
              <DescriptionListDescription>{t(`shortcuts.${s.id}`)}</DescriptionListDescription>
            </DescriptionListGroup>
          ))}
        </DescriptionList>
      </ModalBody>
    </Modal>
  );
}
