import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiClient, type LinkStatus } from './state/api-client.js';
import { ManagerView } from './manager/ManagerView.js';

export function App(): React.JSX.Element {
  const { t } = useTranslation();
  const client = useMemo(() => new ApiClient(), []);
  const [link, setLink] = useState<LinkStatus>(client.status);
  const [version, setVersion] = useState('');
  useEffect(() => {
    const off = client.onStatus(setLink);
    client.call('app.info', {}).then((info) => setVersion(info.version), () => undefined);
    return off;
  }, [client]);
  return (
    <div className="app">
      <header className="app-header">
        <img src="./hangar.svg" alt="" width={24} height={24} />
        <h1>{t('app.title')}</h1>
        <span className="app-version">{version}</span>
      </header>
      {link.state === 'closed' && <p className="error-banner" role="alert">{t('status.disconnected', { reason: link.reason })}</p>}
      <main>
        <ManagerView client={client} />
      </main>
    </div>
  );
}
