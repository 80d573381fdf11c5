import { EmptyState, EmptyStateBody } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { VmPageProps } from '../vm-page.js';

/** The VM's history page (built by its own issue; until then it says so). */
export function HistoryPage(_props: VmPageProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <EmptyState titleText={t('vm.page.history')} headingLevel="h3">
      <EmptyStateBody>{t('vm.notYet')}</EmptyStateBody>
    </EmptyState>
  );
}
