import {
  Button, Checkbox, ClipboardCopy, Form, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, Modal,
  ModalBody, ModalFooter, ModalHeader, TextInput,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callSchemas } from '../../main/api/contract/index.js';

type Hypervisor = 'qemu-system' | 'qemu-session' | 'test';

/** Builds a libvirt URI like virt-manager's dialog: hypervisor, optional SSH user@host[:port], or a custom URI. */
export function connectionUri(f: { hypervisor: Hypervisor; ssh: boolean; user: string; host: string }): string {
  const path = f.hypervisor === 'qemu-session' ? '/session' : f.hypervisor === 'test' ? '/default' : '/system';
  const scheme = f.hypervisor === 'test' ? 'test' : 'qemu';
  if (!f.ssh) return `${scheme}://${path}`;
  const user = f.user.trim() ? `${encodeURIComponent(f.user.trim())}@` : '';
  return `${scheme}+ssh://${user}${f.host.trim()}${path}`;
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/;

/** virt-manager's Add Connection: hypervisor, SSH user and host, autoconnect, the generated URI or a custom one. */
export function AddConnectionDialog({ onAdd, onCancel }: {
  onAdd: (input: { uri: string; name: string; autoconnect: boolean }) => Promise<void>;
  onCancel: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [hypervisor, setHypervisor] = useState<Hypervisor>('qemu-system');
  const [ssh, setSsh] = useState(false);
  const [user, setUser] = useState('root');
  const [host, setHost] = useState('');
  const [custom, setCustom] = useState('');
  const [useCustom, setUseCustom] = useState(false);
  const [autoconnect, setAutoconnect] = useState(true);
  const [error, setError] = useState<{ field: 'host' | 'uri' | 'form'; message: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const uri = useCustom ? custom.trim() : connectionUri({ hypervisor, ssh, user, host });

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    if (!useCustom && ssh && !HOST.test(host.trim())) {
      setError({ field: 'host', message: t('addConnection.badHost') });
      return;
    }
    const parsed = callSchemas['connections.add'].safeParse({ uri, name: '', autoconnect });
    if (!parsed.success) {
      setError({ field: useCustom ? 'uri' : 'form', message: parsed.error.issues[0]?.message ?? t('addConnection.badUri') });
      return;
    }
    setBusy(true);
    try {
      await onAdd({ uri, name: '', autoconnect });
    } catch (err) {
      setError({ field: 'form', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: 'host' | 'uri'): React.JSX.Element | null => (error?.field === field ? (
    <FormHelperText><HelperText><HelperTextItem variant="error">{error.message}</HelperTextItem></HelperText></FormHelperText>
  ) : null);

  return (
    <Modal isOpen variant="small" onClose={onCancel} aria-labelledby="add-title" elementToFocus="#add-hypervisor">
      <ModalHeader title={t('addConnection.title')} labelId="add-title" />
      <ModalBody>
        <Form id="add-connection" onSubmit={(e) => void submit(e)}>
          <FormGroup label={t('addConnection.hypervisor')} fieldId="add-hypervisor">
            <FormSelect id="add-hypervisor" value={hypervisor} isDisabled={useCustom} onChange={(_e, v) => setHypervisor(v as Hypervisor)}>
              <FormSelectOption value="qemu-system" label={t('addConnection.system')} />
              <FormSelectOption value="qemu-session" label={t('addConnection.userSession')} />
              <FormSelectOption value="test" label={t('addConnection.demo')} />
            </FormSelect>
          </FormGroup>
          <Checkbox id="add-ssh" label={t('addConnection.ssh')} isChecked={ssh} isDisabled={useCustom} onChange={(_e, v) => setSsh(v)} />
          {ssh && !useCustom && (
            <>
              <FormGroup label={t('addConnection.user')} fieldId="add-user">
                <TextInput id="add-user" value={user} onChange={(_e, v) => setUser(v)} />
              </FormGroup>
              <FormGroup label={t('addConnection.host')} fieldId="add-host" isRequired>
                <TextInput id="add-host" value={host} placeholder={t('addConnection.hostPlaceholder')} isRequired
                  validated={error?.field === 'host' ? 'error' : 'default'}
                  onChange={(_e, v) => {
                    setHost(v);
                    setError(undefined);
                  }} />
                {fieldError('host')}
              </FormGroup>
            </>
          )}
          <Checkbox id="add-autoconnect" label={t('addConnection.autoconnect')} isChecked={autoconnect} onChange={(_e, v) => setAutoconnect(v)} />
          <Checkbox id="add-custom" label={t('addConnection.custom')} isChecked={useCustom} onChange={(_e, v) => setUseCustom(v)} />
          {useCustom ? (
            <FormGroup label={t('addConnection.uri')} fieldId="add-uri">
              <TextInput id="add-uri" value={custom} placeholder="qemu+ssh://user@host/system" translate="no"
                validated={error?.field === 'uri' ? 'error' : 'default'}
                onChange={(_e, v) => {
                  setCustom(v);
                  setError(undefined);
                }} />
              {fieldError('uri')}
            </FormGroup>
          ) : (
            <FormGroup label={t('addConnection.generated')} fieldId="add-generated">
              <ClipboardCopy id="add-generated" isReadOnly hoverTip={t('common.copy')} clickTip={t('common.copied')} translate="no">{uri}</ClipboardCopy>
            </FormGroup>
          )}
          {error?.field === 'form' && (
            <HelperText><HelperTextItem variant="error" role="alert">{error.message}</HelperTextItem></HelperText>
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="add-connection" isLoading={busy} isDisabled={busy}>{t('addConnection.connect')}</Button>
        <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
