import { ActionGroup, Button, Checkbox, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, Modal, ModalBody, ModalHeader, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../main/api/contract/index.js';
import { useApi } from '../state/hooks.js';

/** Renames a saved connection, or changes its URI or autoconnect (connections.update); libvirt's or the field's error stays in the form. */
export function EditConnectionDialog({ connection, onClose }: { connection: ConnectionView; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState(connection.saved.name);
  const [uri, setUri] = useState(connection.saved.uri);
  const [autoconnect, setAutoconnect] = useState(connection.saved.autoconnect);
  const [error, setError] = useState<{ field?: string; message: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await api.call('connections.update', { connection: connection.key, name, autoconnect, ...(uri.trim() !== connection.saved.uri ? { uri } : {}) });
      onClose();
    } catch (e) {
      const err = e as { error?: { field?: string; message: string }; message?: string };
      setError(err.error ?? { message: err.message ?? String(e) });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string): string | undefined => (error?.field === field ? error.message : undefined);
  const uriError = fieldError('uri');

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="edit-connection-title">
      <ModalHeader title={t('editConnection.title')} labelId="edit-connection-title" />
      <ModalBody>
        <Form onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <FormGroup label={t('editConnection.name')} fieldId="edit-connection-name">
            <TextInput id="edit-connection-name" value={name} placeholder={connection.saved.uri} onChange={(_e, v) => setName(v)} />
            <FormHelperText><HelperText><HelperTextItem>{t('editConnection.nameHelp')}</HelperTextItem></HelperText></FormHelperText>
          </FormGroup>
          <FormGroup label={t('editConnection.uri')} fieldId="edit-connection-uri" isRequired>
            <TextInput id="edit-connection-uri" value={uri} isRequired translate="no" validated={uriError ? 'error' : 'default'} onChange={(_e, v) => setUri(v)} />
            <FormHelperText><HelperText>
              {uriError ? <HelperTextItem variant="error">{uriError}</HelperTextItem> : <HelperTextItem>{t('editConnection.uriHelp')}</HelperTextItem>}
            </HelperText></FormHelperText>
          </FormGroup>
          <Checkbox id="edit-connection-autoconnect" label={t('addConnection.autoconnect')} isChecked={autoconnect} onChange={(_e, v) => setAutoconnect(v)} />
          {error && !error.field && <HelperText><HelperTextItem variant="error" className="edit-connection-error">{error.message}</HelperTextItem></HelperText>}
          <ActionGroup>
            <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy || uri.trim() === ''}>{t('editConnection.save')}</Button>
            <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
          </ActionGroup>
        </Form>
      </ModalBody>
    </Modal>
  );
}
