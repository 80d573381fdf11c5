import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callSchemas } from '../../main/api/contract.js';

/** Builds a libvirt URI like virt-manager's dialog: hypervisor, optional SSH user@host[:port], or a custom URI. */
export function connectionUri(f: { hypervisor: 'qemu-system' | 'qemu-session' | 'test'; ssh: boolean; user: string; host: string }): string {
  const path = f.hypervisor === 'qemu-session' ? '/session' : f.hypervisor === 'test' ? '/default' : '/system';
  const scheme = f.hypervisor === 'test' ? 'test' : 'qemu';
  if (!f.ssh) return `${scheme}://${path}`;
  const user = f.user.trim() ? `${encodeURIComponent(f.user.trim())}@` : '';
  return `${scheme}+ssh://${user}${f.host.trim()}${path}`;
}

export function AddConnectionDialog({ onAdd, onCancel }: {
  onAdd: (input: { uri: string; name: string; autoconnect: boolean }) => Promise<void>;
  onCancel: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [hypervisor, setHypervisor] = useState<'qemu-system' | 'qemu-session' | 'test'>('qemu-system');
  const [ssh, setSsh] = useState(false);
  const [user, setUser] = useState('root');
  const [host, setHost] = useState('');
  const [custom, setCustom] = useState('');
  const [useCustom, setUseCustom] = useState(false);
  const [autoconnect, setAutoconnect] = useState(true);
  const [error, setError] = useState('');
  const uri = useCustom ? custom.trim() : connectionUri({ hypervisor, ssh, user, host });

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    if (!useCustom && ssh && !/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host.trim())) {
      setError(t('addConnection.badHost'));
      return;
    }
    const parsed = callSchemas['connections.add'].safeParse({ uri, name: '', autoconnect });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? t('addConnection.badUri'));
      return;
    }
    try {
      await onAdd({ uri, name: '', autoconnect });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="add-title" onSubmit={(e) => void submit(e)}>
        <h2 id="add-title">{t('addConnection.title')}</h2>
        <label>{t('addConnection.hypervisor')}
          <select value={hypervisor} disabled={useCustom} onChange={(e) => setHypervisor(e.target.value as typeof hypervisor)}>
            <option value="qemu-system">QEMU/KVM</option>
            <option value="qemu-session">{t('addConnection.userSession')}</option>
            <option value="test">{t('addConnection.demo')}</option>
          </select>
        </label>
        <label><input type="checkbox" checked={ssh} disabled={useCustom} onChange={(e) => setSsh(e.target.checked)} /> {t('addConnection.ssh')}</label>
        {ssh && !useCustom && (
          <>
            <label>{t('addConnection.user')}<input value={user} onChange={(e) => setUser(e.target.value)} /></label>
            <label>{t('addConnection.host')}<input value={host} placeholder="host[:port]" onChange={(e) => setHost(e.target.value)} /></label>
          </>
        )}
        <label><input type="checkbox" checked={autoconnect} onChange={(e) => setAutoconnect(e.target.checked)} /> {t('addConnection.autoconnect')}</label>
        <label><input type="checkbox" checked={useCustom} onChange={(e) => setUseCustom(e.target.checked)} /> {t('addConnection.custom')}</label>
        {useCustom
          ? <label>{t('addConnection.uri')}<input value={custom} placeholder="qemu+ssh://user@host/system" onChange={(e) => setCustom(e.target.value)} /></label>
          : <p className="generated-uri">{t('addConnection.generated')} <code>{uri}</code></p>}
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="submit">{t('addConnection.connect')}</button>
        </div>
      </form>
    </div>
  );
}
