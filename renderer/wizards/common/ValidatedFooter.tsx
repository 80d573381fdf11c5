import { Button, useWizardContext, WizardFooterWrapper } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

/**
 * The wizards' footer: Next checks the step first — with errors it stays, and the step shows them at its fields —
 * and on the last step Next is Finish.
 */
export function ValidatedFooter({ valid, onTried, busy, finishLabel, onFinish, onCancel }: {
  /** Whether the step at this (0-based) index is valid. */
  valid: (index: number) => boolean;
  onTried: (index: number) => void;
  busy: boolean;
  finishLabel: string;
  onFinish: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { activeStep, steps, goToNextStep, goToPrevStep } = useWizardContext();
  const index = activeStep.index - 1;
  const last = index === steps.filter((s) => !s.isHidden).length - 1;
  const next = (): void => {
    onTried(index);
    if (!valid(index)) return;
    if (last) onFinish();
    else void goToNextStep();
  };
  return (
    <WizardFooterWrapper>
      <Button variant="secondary" onClick={() => void goToPrevStep()} isDisabled={index === 0 || busy}>{t('wizards.common.back')}</Button>
      <Button variant="primary" onClick={next} isLoading={busy} isDisabled={busy}>{last ? finishLabel : t('wizards.common.next')}</Button>
      <Button variant="link" onClick={onCancel} isDisabled={busy}>{t('wizards.common.cancel')}</Button>
    </WizardFooterWrapper>
  );
}
