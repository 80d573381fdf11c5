import { useTranslation } from 'react-i18next';
import { PromptDialog } from '../components/PromptDialog.js';
import { useApi, useNotifications, usePrompts } from '../state/hooks.js';

/** The hosts' questions (SSH password, passphrase, host key), one at a time, whatever tab is open. */
export function PromptHost(): React.JSX.Element | null {
  const { t } = useTranslation();
  const api = useApi();
  const notifications = useNotifications();
  const [first] = usePrompts();
  if (!first) return null;
  return (
    <PromptDialog key={first.key} request={first.request} onAnswer={(answer, remember) => {
      api.call('prompts.answer', { id: first.key, answer, remember }).catch((e: unknown) => {
        notifications.push({ variant: 'danger', title: t('prompt.answerFailed'), detail: e instanceof Error ? e.message : String(e) });
      });
    }} />
  );
}
