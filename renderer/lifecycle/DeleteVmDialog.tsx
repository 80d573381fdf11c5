import {
  Alert, Button, Checkbox, Content, List, ListItem, Modal, ModalBody, ModalFooter, ModalHeader, Spinner, Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeleteOutcome, DeletePlan, DomainSummary, StorageToDelete } from '../../main/api/contract/index.js';
import { formatBytes } from '../components/format.js';
import { useApi } from '../state/hooks.js';

/** A VM to delete: where it is and what the list knows of it. */
export interface DeleteTarget {
  readonly connection: string;
  readonly domain: DomainSummary;
}

type Loaded = { target: DeleteTarget; plan?: DeletePlan; error?: string };
type Done = { target: DeleteTarget; outcome?: DeleteOutcome; kept: readonly StorageToDelete[]; error?: string };

const keyOf = (t: DeleteTarget): string => `${t.connection}\n${t.domain.key}`;

export function reasonText(t: TFunction, s: StorageToDelete): string | undefined {
  if (s.reason === null) return undefined;
  if (s.reason === 'used') return t('lifecycle.delete.reason.used', { names: s.usedBy.join(', ') });
  return t(`lifecycle.delete.reason.${s.reason}`);
}

/**
 * virt-manager's delete dialog, for one VM or several: a running VM is said to be forced off; its storage listed
 * (path, target, size) with what is deleted checked: read-only, shareable, CD/floppy media, disks other VMs use and
 * paths without write access unchecked, what cannot be deleted disabled, each with the reason. Afterwards the
 * dialog says what was deleted and what was kept, and why.
 */
export function DeleteVmDialog({ targets, onClose }: { targets: readonly DeleteTarget[]; onClose: () => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [loaded, setLoaded] = useState<readonly Loaded[] | undefined>();
  const [withStorage, setWithStorage] = useState(true);
  const [checked, setChecked] = useState<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<readonly Done[] | undefined>();
  // The plans are read once per set of VMs, however often the caller makes a new array of them.
  const ids = targets.map(keyOf).join('|');
  const latest = useRef(targets);
  latest.current = targets;

  useEffect(() => {
    let live = true;
    void Promise.all(latest.current.map(async (target): Promise<Loaded> => {
      try {
        return { target, plan: await api.call('domains.deletePlan', { connection: target.connection, key: target.domain.key }) };
      } catch (e) {
        return { target, error: e instanceof Error ? e.message : String(e) };
      }
    })).then((all) => {
      if (!live) return;
      setLoaded(all);
      setChecked(new Map(all.map((l) => [keyOf(l.target), new Set(l.plan?.storage.filter((s) => s.checked).map((s) => s.path) ?? [])])));
    });
    return () => {
      live = false;
    };
  }, [api, ids]);

  const toggle = (target: DeleteTarget, path: string, on: boolean): void => {
    const next = new Map(checked);
    const set = new Set(next.get(keyOf(target)) ?? []);
    if (on) set.add(path);
    else set.delete(path);
    next.set(keyOf(target), set);
    setChecked(next);
  };

  const run = async (): Promise<void> => {
    if (!loaded) return;
    setBusy(true);
    const results: Done[] = [];
    for (const l of loaded) {
      if (!l.plan) continue;
      const chosen = withStorage ? [...(checked.get(keyOf(l.target)) ?? [])] : [];
      const kept = l.plan.storage.filter((s) => !chosen.includes(s.path));
      try {
        const outcome = await api.call('domains.delete', { connection: l.target.connection, key: l.target.domain.key, storage: chosen });
        results.push({ target: l.target, outcome, kept });
      } catch (e) {
        results.push({ target: l.target, kept, error: e instanceof Error ? e.message : String(e) });
      }
    }
    setBusy(false);
    setDone(results);
  };

  const [only] = targets;
  const title = targets.length === 1 && only ? t('lifecycle.delete.titleOne', { name: only.domain.name }) : t('lifecycle.delete.title', { count: targets.length });
  const size = (s: StorageToDelete): string => (s.capacity !== null ? formatBytes(s.capacity, i18n.language) : '—');

  if (done) {
    return (
      <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="delete-vm-title" className="delete-vm-dialog">
        <ModalHeader title={t('lifecycle.delete.doneTitle', { count: done.length })} labelId="delete-vm-title" />
        <ModalBody>
          {done.map((d) => (
            <section key={keyOf(d.target)} className="delete-vm-result" data-vm={d.target.domain.name}>
              <Title headingLevel="h3" size="md">{d.target.domain.name}</Title>
              {d.error !== undefined ? (
                <Alert isInline variant="danger" title={t('lifecycle.delete.failed')}>{d.error}</Alert>
              ) : (
                <List isPlain>
                  {d.outcome?.deleted.map((p) => <ListItem key={p} className="delete-vm-deleted" translate="no">{t('lifecycle.delete.deleted', { path: p })}</ListItem>)}
                  {d.outcome?.failed.map((f) => <ListItem key={f.path} className="delete-vm-notdeleted">{t('lifecycle.delete.notDeleted', { path: f.path, message: f.message })}</ListItem>)}
                  {d.kept.map((s) => (
                    <ListItem key={s.path} className="delete-vm-kept" data-path={s.path}>
                      {t('lifecycle.delete.kept', { path: s.path })}{reasonText(t, s) !== undefined ? ` — ${reasonText(t, s) ?? ''}` : ''}
                    </ListItem>
                  ))}
                </List>
              )}
            </section>
          ))}
        </ModalBody>
        <ModalFooter><Button variant="primary" onClick={onClose}>{t('lifecycle.close')}</Button></ModalFooter>
      </Modal>
    );
  }

  return (
    <Modal isOpen variant="large" onClose={onClose} aria-labelledby="delete-vm-title" className="delete-vm-dialog">
      <ModalHeader title={title} labelId="delete-vm-title" titleIconVariant="warning" />
      <ModalBody>
        {!loaded && <Spinner size="lg" aria-label={t('lifecycle.loading')} />}
        {loaded && (
          <>
            <Checkbox id="delete-vm-storage" label={t('lifecycle.delete.withStorage')} isChecked={withStorage} onChange={(_e, v) => setWithStorage(v)} />
            {loaded.map((l) => (
              <section key={keyOf(l.target)} className="delete-vm-section" data-vm={l.target.domain.name}>
                {targets.length > 1 && <Title headingLevel="h3" size="md">{l.target.domain.name}</Title>}
                {l.error !== undefined && <Alert isInline variant="danger" title={t('lifecycle.delete.planFailed')}>{l.error}</Alert>}
                {l.plan?.running && <Alert isInline variant="warning" title={t('lifecycle.delete.running', { name: l.plan.name })} />}
                {l.plan && (
                  <Content component="small" className="delete-vm-also">
                    {[
                      l.plan.snapshots > 0 ? t('lifecycle.delete.alsoSnapshots', { count: l.plan.snapshots }) : null,
                      l.plan.managedSave ? t('lifecycle.delete.alsoSaved') : null,
                      l.plan.nvram !== null ? t('lifecycle.delete.alsoNvram', { path: l.plan.nvram }) : null,
                    ].filter((x) => x !== null).join(' ')}
                  </Content>
                )}
                {l.plan && l.plan.storage.length > 0 && (
                  <Table variant="compact" aria-label={t('lifecycle.delete.storageOf', { name: l.plan.name })}>
                    <Thead>
                      <Tr>
                        <Th screenReaderText={t('lifecycle.delete.col.delete')} />
                        <Th>{t('lifecycle.delete.col.path')}</Th>
                        <Th>{t('lifecycle.delete.col.target')}</Th>
                        <Th>{t('lifecycle.delete.col.size')}</Th>
                        <Th>{t('lifecycle.delete.col.note')}</Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {l.plan.storage.map((s, rowIndex) => (
                        <Tr key={`${s.target}:${s.path}`} data-path={s.path}>
                          <Td select={{
                            rowIndex,
                            isSelected: withStorage && (checked.get(keyOf(l.target))?.has(s.path) ?? false),
                            isDisabled: !withStorage || !s.deletable,
                            onSelect: (_e, on) => toggle(l.target, s.path, on),
                          }} />
                          <Td dataLabel={t('lifecycle.delete.col.path')} className="snapshot-path" translate="no">{s.path}</Td>
                          <Td dataLabel={t('lifecycle.delete.col.target')}>{s.target}</Td>
                          <Td dataLabel={t('lifecycle.delete.col.size')}>{size(s)}</Td>
                          <Td dataLabel={t('lifecycle.delete.col.note')} className="delete-vm-reason">{reasonText(t, s) ?? ''}</Td>
                        </Tr>
                      ))}
                    </Tbody>
                  </Table>
                )}
              </section>
            ))}
          </>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" isLoading={busy} isDisabled={busy || !loaded || loaded.every((l) => !l.plan)} onClick={() => void run()}>
          {t('lifecycle.delete.submit')}
        </Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
