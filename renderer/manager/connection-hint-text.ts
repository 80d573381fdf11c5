import type { TFunction } from 'i18next';
import type { ConnectionHint } from '../../main/api/contract/index.js';

/** What a failed connection means and what to do, in the UI's language. */
export function connectionHintText(t: TFunction, hint: ConnectionHint): string {
  if (hint.kind === 'ssh-auth-failed' && hint.tried === '') return t('connection.hint.ssh-auth-failed-nothing', { who: hint.who });
  return t(`connection.hint.${hint.kind}`, { ...hint });
}
