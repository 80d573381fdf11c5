import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { connectService, type ServiceStatus } from './state/service.js';

export function App(): React.JSX.Element {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ServiceStatus>({ state: 'connecting' });
  useEffect(() => connectService(setStatus), []);
  return (
    <div className="app">
      <header className="app-header">
        <img src="./hangar.svg" alt="" width={24} height={24} />
        <h1>{t('app.title')}</h1>
      </header>
      <main>
        <p role="status" data-state={status.state}>
          {status.state === 'connecting' && t('status.connecting')}
          {status.state === 'connected' && t('status.connected', { version: status.version, mode: t(`mode.${status.mode}`) })}
          {status.state === 'disconnected' && t('status.disconnected', { reason: status.reason })}
        </p>
        <p>{t('manager.empty')}</p>
      </main>
    </div>
  );
}
