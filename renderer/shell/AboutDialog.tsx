import { AboutModal, Content, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../state/hooks.js';

/** Help › About: the app, its version and how it runs. */
export function AboutDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [info, setInfo] = useState<{ version: string; mode: 'web' | 'electron' } | undefined>();
  useEffect(() => {
    api.call('app.info', {}).then((i) => setInfo({ version: i.version, mode: i.mode }), () => undefined);
  }, [api]);
  return (
    <AboutModal isOpen onClose={onClose} productName={t('app.title')} brandImageSrc="./hangar.svg" brandImageAlt={t('app.title')}
      closeButtonAriaLabel={t('common.close')} aria-label={t('about.title')}>
      <Content component="p">{t('about.summary')}</Content>
      <DescriptionList isHorizontal isCompact>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('about.version')}</DescriptionListTerm>
          <DescriptionListDescription translate="no" className="app-version">{info?.version ?? ''}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('about.mode')}</DescriptionListTerm>
          <DescriptionListDescription>{info ? t(`about.modes.${info.mode}`) : ''}</DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
    </AboutModal>
  );
}
