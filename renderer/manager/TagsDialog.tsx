import {
  Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, Label, LabelGroup, Modal, ModalBody, ModalFooter, ModalHeader,
  TextInputGroup, TextInputGroupMain, TextInputGroupUtilities,
} from '@patternfly/react-core';
import TimesIcon from '@patternfly/react-icons/dist/esm/icons/times-icon';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useNotifications } from '../state/hooks.js';
import { naturalCollator, type VmItem } from './vm-list-model.js';

/** What the host's tag model refuses, checked as the user types. */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const BAD_TAG = /[<>&\u0000-\u001f]/;

/** Adds and removes tags on the selected VMs (kept in each VM's metadata); the tags in use elsewhere are offered. */
export function TagsDialog({ selected, known, onClose }: {
  selected: readonly VmItem[];
  known: readonly string[];
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const notifications = useNotifications();
  const [input, setInput] = useState('');
  const [adding, setAdding] = useState<string[]>([]);
  const [removing, setRemoving] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const current = useMemo(() => {
    const counts = new Map<string, number>();
    for (const { domain } of selected) for (const tag of domain.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts].sort((a, b) => naturalCollator.compare(a[0], b[0]));
  }, [selected]);
  const onAll = new Set(current.filter(([, n]) => n === selected.length).map(([tag]) => tag));
  const typed = input.trim().toLocaleLowerCase();
  const suggestions = known.filter((k) => !adding.includes(k) && !(onAll.has(k) && !removing.includes(k))
    && (typed === '' || k.toLocaleLowerCase().includes(typed))).slice(0, 20);

  const add = (raw: string): void => {
    const tag = raw.trim();
    if (!tag) return;
    if (tag.length > 64) return setError(t('vmlist.tagTooLong'));
    if (BAD_TAG.test(tag)) return setError(t('vmlist.tagBadChars'));
    setError(undefined);
    setInput('');
    setRemoving(removing.filter((r) => r !== tag));
    if (!adding.includes(tag) && !(onAll.has(tag) && !removing.includes(tag))) setAdding([...adding, tag]);
  };

  const apply = async (): Promise<void> => {
    const pendingInput = input.trim();
    const add = pendingInput && !BAD_TAG.test(pendingInput) && !adding.includes(pendingInput) ? [...adding, pendingInput] : adding;
    setBusy(true);
    try {
      const byHost = new Map<string, VmItem[]>();
      for (const item of selected) byHost.set(item.connection, [...(byHost.get(item.connection) ?? []), item]);
      for (const [connection, items] of byHost) {
        const { failed } = await api.call('domains.setTags', { connection, keys: items.map((i) => i.domain.key), add, remove: removing });
        for (const f of failed) {
          const name = items.find((i) => i.domain.key === f.key)?.domain.name ?? f.key;
          notifications.push({ variant: 'danger', title: t('vmlist.tagsFailed', { name }), detail: f.error.message });
        }
      }
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="tags-title" elementToFocus="#tags-input">
      <ModalHeader title={t('vmlist.tagsTitle', { count: selected.length, name: selected[0]?.domain.name ?? '' })} labelId="tags-title" />
      <ModalBody>
        <Form id="tags-form" onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}>
          <FormGroup label={t('vmlist.currentTags')} fieldId="tags-current" role="group">
            {current.length === 0 ? <span className="empty-row">{t('vmlist.noTags')}</span> : (
              <LabelGroup id="tags-current" numLabels={20} aria-label={t('vmlist.currentTags')}>
                {current.filter(([tag]) => !removing.includes(tag)).map(([tag, n]) => (
                  <Label key={tag} color="blue" translate="no" onClose={() => setRemoving([...removing, tag])}
                    closeBtnAriaLabel={t('vmlist.removeTag', { tag })}>
                    {n < selected.length ? `${tag} (${n}/${selected.length})` : tag}
                  </Label>
                ))}
              </LabelGroup>
            )}
          </FormGroup>
          <FormGroup label={t('vmlist.addTags')} fieldId="tags-input">
            <TextInputGroup validated={error ? 'error' : undefined}>
              <TextInputGroupMain value={input} inputId="tags-input" placeholder={t('vmlist.tagPlaceholder')}
                aria-label={t('vmlist.addTags')}
                onChange={(_e, v) => {
                  setError(undefined);
                  if (v.endsWith(',')) add(v.slice(0, -1));
                  else setInput(v);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && input.trim()) {
                    e.preventDefault();
                    add(input);
                  }
                }}>
                <LabelGroup aria-label={t('vmlist.addTags')}>
                  {adding.map((tag) => (
                    <Label key={tag} variant="outline" translate="no" onClose={() => setAdding(adding.filter((a) => a !== tag))}
                      closeBtnAriaLabel={t('vmlist.removeTag', { tag })}>{tag}</Label>
                  ))}
                </LabelGroup>
              </TextInputGroupMain>
              {(input || adding.length > 0) && (
                <TextInputGroupUtilities>
                  <Button variant="plain" icon={<TimesIcon />} aria-label={t('vmlist.clearTags')} onClick={() => {
                    setInput('');
                    setAdding([]);
                  }} />
                </TextInputGroupUtilities>
              )}
            </TextInputGroup>
            <FormHelperText>
              <HelperText>
                {error
                  ? <HelperTextItem variant="error">{error}</HelperTextItem>
                  : <HelperTextItem>{t('vmlist.tagHelp')}</HelperTextItem>}
              </HelperText>
            </FormHelperText>
          </FormGroup>
          {suggestions.length > 0 && (
            <FormGroup label={t('vmlist.knownTags')} fieldId="tags-known" role="group">
              <LabelGroup id="tags-known" numLabels={20} aria-label={t('vmlist.knownTags')}>
                {suggestions.map((tag) => (
                  <Label key={tag} variant="outline" translate="no" onClick={() => add(tag)}>{tag}</Label>
                ))}
              </LabelGroup>
            </FormGroup>
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="tags-form" isLoading={busy}
          isDisabled={busy || (adding.length === 0 && removing.length === 0 && !input.trim())}>{t('vmlist.applyTags')}</Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
