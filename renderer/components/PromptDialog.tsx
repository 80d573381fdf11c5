import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PromptRequest } from '../../main/api/contract.js';

/** A connection's question to the user: trust an unknown SSH host key, or give a password or passphrase. */
export function PromptDialog({ request, onAnswer }: {
  request: PromptRequest;
  /** `remember` only for a password or passphrase, and only where the host process can keep secrets. */
  onAnswer: (answer: string | boolean | null, remember: boolean) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [remember, setRemember] = useState(false);
  const isHostKey = request.kind === 'hostkey';
  const canRemember = request.kind !== 'hostkey' && request.canRemember;
  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="prompt-title"
        onSubmit={(e) => {
          e.preventDefault();
          onAnswer(isHostKey ? true : secret, canRemember && remember);
        }}>
        <h2 id="prompt-title">{t(`prompt.${request.kind}.title`)}</h2>
        <p>
          {request.kind === 'hostkey' && t('prompt.hostkey.message', { host: request.host, keyType: request.keyType })}
          {request.kind === 'password' && t('prompt.password.message', { user: request.user, host: request.host })}
          {request.kind === 'passphrase' && t('prompt.passphrase.message', { keyPath: request.keyPath })}
        </p>
        {request.kind === 'hostkey' && <p><code className="fingerprint">{request.fingerprint}</code></p>}
        {!isHostKey && (
          <label>{t(`prompt.${request.kind}.label`)}
            <input type="password" autoComplete="off" autoFocus value={secret} onChange={(e) => setSecret(e.target.value)} />
          </label>
        )}
        {canRemember && (
          <label><input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> {t('prompt.remember')}</label>
        )}
        <p className="generated-uri">{request.uri}</p>
        <div className="dialog-buttons">
          <button type="button" onClick={() => onAnswer(isHostKey ? false : null, false)}>{t('common.cancel')}</button>
          <button type="submit">{isHostKey ? t('prompt.hostkey.trust') : t('common.ok')}</button>
        </div>
      </form>
    </div>
  );
}
