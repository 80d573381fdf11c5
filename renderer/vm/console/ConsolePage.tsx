import { EmptyState, EmptyStateBody } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { VmPageProps } from '../vm-page.js';

/** The VM's console page (built by its own issue; until then it says so). */
export function ConsolePage(_props: VmPageProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <EmptyState titleText={t('vm.page.console')} headingLevel="h3">
      <EmptyStateBody>{t('vm.notYet')}</EmptyStateBody>
    </EmptyState>
  );
}
