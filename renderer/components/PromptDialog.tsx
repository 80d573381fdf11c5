import { Button, Checkbox, CodeBlock, CodeBlockCode, Content, Form, FormGroup, Modal, ModalBody, ModalFooter, ModalHeader, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PromptRequest } from '../../main/api/contract/index.js';

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
  const submit = (): void => onAnswer(isHostKey ? true : secret, canRemember && remember);
  const cancel = (): void => onAnswer(isHostKey ? false : null, false);
  return (
    <Modal isOpen variant="small" onClose={cancel} aria-labelledby="prompt-title" elementToFocus={isHostKey ? '#prompt-submit' : '#prompt-secret'}>
      <ModalHeader title={t(`prompt.${request.kind}.title`)} labelId="prompt-title"
        description={<span translate="no">{request.uri}</span>} />
      <ModalBody>
        <Form id="prompt-form" onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}>
          <Content component="p">
            {request.kind === 'hostkey' && t('prompt.hostkey.message', { host: request.host, keyType: request.keyType })}
            {request.kind === 'password' && t('prompt.password.message', { user: request.user, host: request.host })}
            {request.kind === 'passphrase' && t('prompt.passphrase.message', { keyPath: request.keyPath })}
          </Content>
          {request.kind === 'hostkey' && (
            <CodeBlock translate="no"><CodeBlockCode className="fingerprint">{request.fingerprint}</CodeBlockCode></CodeBlock>
          )}
          {request.kind !== 'hostkey' && (
            <FormGroup label={t(`prompt.${request.kind}.label`)} fieldId="prompt-secret">
              <TextInput id="prompt-secret" type="password" autoComplete="off" value={secret} onChange={(_e, v) => setSecret(v)} />
            </FormGroup>
          )}
          {canRemember && (
            <Checkbox id="prompt-remember" label={t('prompt.remember')} isChecked={remember} onChange={(_e, v) => setRemember(v)} />
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button id="prompt-submit" type="submit" form="prompt-form">{isHostKey ? t('prompt.hostkey.trust') : t('common.ok')}</Button>
        <Button variant="link" onClick={cancel}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
