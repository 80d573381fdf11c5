import {
  Alert, Button, Content, Form, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, Modal, ModalBody, ModalFooter,
  ModalHeader, Spinner, TextInput,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClonePlan, DomainSummary } from '../../main/api/contract/index.js';
import { useApi } from '../state/hooks.js';
import { JobProgress, useJobsEnded } from './JobProgress.js';

type Choice = { mode: 'clone' | 'share'; path?: string };

/**
 * virt-manager's clone dialog: the name (`<vm>-clone`, made unique), each disk cloned (a new file in the same
 * pool, its path editable) or shared with the original (warned), a new UUID and MACs, the NVRAM copied; then the
 * volume clone jobs' progress. libvirt needs the original shut off or paused: otherwise the dialog says so.
 */
export function CloneDialog({ connection, domain, onClose }: { connection: string; domain: DomainSummary; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [plan, setPlan] = useState<ClonePlan | undefined>();
  const [name, setName] = useState<string | undefined>();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<{ field?: string; message: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ name: string; jobs: readonly string[] } | undefined>();
  const { ended } = useJobsEnded(made?.jobs ?? []);

  // The plan follows the name: the clones' default paths are named after it.
  useEffect(() => {
    let live = true;
    api.call('domains.clonePlan', { connection, key: domain.key, ...(name !== undefined && name.trim() !== '' ? { name: name.trim() } : {}) }).then((p) => {
      if (!live) return;
      setPlan(p);
      if (name === undefined) setName(p.suggestedName);
    }).catch((e: unknown) => {
      if (live) setError({ message: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      live = false;
    };
  }, [api, connection, domain.key, name]);

  const choiceOf = (target: string): Choice => {
    const disk = plan?.disks.find((d) => d.target === target);
    return choices[target] ?? { mode: disk?.clone ? 'clone' : 'share' };
  };
  const clone = async (): Promise<void> => {
    if (!plan || name === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const disks = plan.disks.map((d) => {
        const c = choiceOf(d.target);
        const path = c.path ?? d.newPath ?? undefined;
        return { target: d.target, mode: c.mode, ...(c.mode === 'clone' && path !== undefined ? { path } : {}) };
      });
      const r = await api.call('domains.clone', { connection, key: domain.key, name: name.trim(), disks });
      setMade({ name: r.name, jobs: r.jobs });
    } catch (e) {
      const err = e as { error?: { field?: string; message: string } };
      setError(err.error ?? { message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string): string | undefined => (error?.field === field ? error.message : undefined);
  const shared = plan?.disks.filter((d) => choiceOf(d.target).mode === 'share' && d.device === 'disk' && !d.cannotClone) ?? [];

  if (made) {
    return (
      <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="clone-title">
        <ModalHeader title={t('lifecycle.clone.doneTitle', { name: made.name })} labelId="clone-title" />
        <ModalBody>
          {made.jobs.length === 0 && <p>{t('lifecycle.clone.noCopies')}</p>}
          {made.jobs.map((j) => <JobProgress key={j} id={j} title={t('lifecycle.clone.copying')} />)}
          {ended && <Alert isInline isPlain variant="success" title={t('lifecycle.clone.done', { name: made.name })} />}
        </ModalBody>
        <ModalFooter><Button variant="primary" onClick={onClose}>{t(ended ? 'lifecycle.close' : 'lifecycle.hide')}</Button></ModalFooter>
      </Modal>
    );
  }

  return (
    <Modal isOpen variant="large" onClose={onClose} aria-labelledby="clone-title">
      <ModalHeader title={t('lifecycle.clone.title', { name: domain.name })} labelId="clone-title" />
      <ModalBody>
        {!plan && !error && <Spinner size="lg" aria-label={t('lifecycle.loading')} />}
        {plan && (
          <Form id="clone-form" onSubmit={(e) => { e.preventDefault(); void clone(); }}>
            {!plan.stateOk && <Alert isInline variant="warning" title={t('lifecycle.clone.mustBeOff', { name: plan.name })} />}
            <FormGroup label={t('lifecycle.clone.name')} fieldId="clone-name" isRequired>
              <TextInput id="clone-name" value={name ?? ''} isRequired validated={fieldError('name') ? 'error' : 'default'} onChange={(_e, v) => setName(v)} />
              {fieldError('name') && <FormHelperText><HelperText><HelperTextItem variant="error">{fieldError('name')}</HelperTextItem></HelperText></FormHelperText>}
            </FormGroup>
            <Table variant="compact" aria-label={t('lifecycle.clone.storage')}>
              <Thead>
                <Tr>
                  <Th>{t('lifecycle.delete.col.target')}</Th>
                  <Th>{t('lifecycle.clone.col.what')}</Th>
                  <Th>{t('lifecycle.clone.col.path')}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {plan.disks.map((d) => {
                  const c = choiceOf(d.target);
                  const diskError = fieldError(`disks.${d.target}`);
                  return (
                    <Tr key={d.target} data-target={d.target}>
                      <Td dataLabel={t('lifecycle.delete.col.target')}>{d.target}</Td>
                      <Td dataLabel={t('lifecycle.clone.col.what')}>
                        <FormSelect id={`clone-mode-${d.target}`} value={c.mode} aria-label={t('lifecycle.clone.modeOf', { target: d.target })}
                          onChange={(_e, v) => setChoices({ ...choices, [d.target]: { ...c, mode: v === 'clone' ? 'clone' : 'share' } })}>
                          <FormSelectOption value="clone" label={t('lifecycle.clone.cloneDisk')} isDisabled={d.cannotClone !== null} />
                          <FormSelectOption value="share" label={t('lifecycle.clone.shareDisk', { name: plan.name })} />
                        </FormSelect>
                      </Td>
                      <Td dataLabel={t('lifecycle.clone.col.path')}>
                        {c.mode === 'clone' ? (
                          <>
                            <TextInput id={`clone-path-${d.target}`} value={c.path ?? d.newPath ?? ''} translate="no" validated={diskError ? 'error' : 'default'}
                              aria-label={t('lifecycle.clone.pathOf', { target: d.target })}
                              onChange={(_e, v) => setChoices({ ...choices, [d.target]: { ...c, path: v } })} />
                            <HelperText>
                              {diskError ? <HelperTextItem variant="error">{diskError}</HelperTextItem> : <HelperTextItem>{t('lifecycle.clone.from', { path: d.path })}</HelperTextItem>}
                            </HelperText>
                          </>
                        ) : (
                          <>
                            <span className="snapshot-path" translate="no">{d.path}</span>
                            {d.cannotClone !== null && <HelperText><HelperTextItem>{t(`lifecycle.clone.cannot.${d.cannotClone}`)}</HelperTextItem></HelperText>}
                          </>
                        )}
                      </Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
            {shared.length > 0 && <Alert isInline variant="warning" title={t('lifecycle.clone.shareWarning', { disks: shared.map((d) => d.target).join(', '), name: plan.name })} />}
            {plan.nvram !== null && <Content component="small">{t('lifecycle.clone.nvram', { path: plan.nvram })}</Content>}
            <Content component="small">{t('lifecycle.clone.note')}</Content>
          </Form>
        )}
        {error && !error.field?.startsWith('disks.') && error.field !== 'name' && <Alert isInline variant="danger" title={t('lifecycle.clone.failed')}>{error.message}</Alert>}
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="clone-form" variant="primary" isLoading={busy} isDisabled={busy || !plan || !plan.stateOk || !name?.trim()}>{t('lifecycle.clone.submit')}</Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
