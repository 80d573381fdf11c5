import {
  Alert, Button, Checkbox, Form, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, Modal, ModalBody, ModalFooter,
  ModalHeader, NumberInput, Radio, TextInput,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView, DomainSummary } from '../../main/api/contract/index.js';
import { stateKey } from '../manager/domain-state.js';
import { useApi, useConnections, useJobs } from '../state/hooks.js';
import { JobProgress } from './JobProgress.js';

/** The hypervisor driver a URI names (qemu, test, lxc…), as libvirt reads the scheme. */
const driverOf = (uri: string): string => uri.replace(/[+:].*$/, '').toLowerCase();

/** Why a host cannot receive the VM, or null when it can (virt-manager lists them all, marked). */
export function whyNot(source: ConnectionView, other: ConnectionView): null | 'same' | 'disconnected' | 'hypervisor' {
  if (other.key === source.key) return 'same';
  if (other.state.state !== 'connected') return 'disconnected';
  if (driverOf(other.saved.uri) !== driverOf(source.saved.uri)) return 'hypervisor';
  return null;
}

/**
 * virt-manager's migrate dialog: the destination among the other hosts (those that cannot take the VM listed,
 * with why), live or offline, direct or tunnelled, permanent or temporary, the disks copied (whole or
 * incrementally) when the hosts share no storage, a bandwidth limit; then the job's progress and Cancel.
 */
export function MigrateDialog({ connection, domain, onClose }: { connection: string; domain: DomainSummary; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const connections = useConnections();
  const source = connections.find((c) => c.key === connection);
  const candidates = source ? connections.filter((c) => c.key !== connection) : [];
  const firstOk = candidates.find((c) => source && whyNot(source, c) === null);
  const [to, setTo] = useState<string | undefined>(firstOk?.key);
  const off = stateKey(domain.state) === 'shutoff';
  const [offline, setOffline] = useState(off);
  const [tunnelled, setTunnelled] = useState(true);
  const [uri, setUri] = useState('');
  const [temporary, setTemporary] = useState(false);
  const [copyStorage, setCopyStorage] = useState<'none' | 'full' | 'incremental'>('none');
  const [bandwidth, setBandwidth] = useState<number | ''>('');
  const [migrateUri, setMigrateUri] = useState('');
  const [disksUri, setDisksUri] = useState('');
  // libvirt copies disks only with NBD, in a direct migration: choosing a copy makes the migration direct.
  const copying = !offline && copyStorage !== 'none';
  const direct = !tunnelled || copying;
  const [error, setError] = useState<{ field?: string; message: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<string | undefined>();
  const view = useJobs().find((j) => j.id === job);
  useEffect(() => {
    if (to === undefined && firstOk) setTo(firstOk.key);
  }, [to, firstOk]);

  const destination = candidates.find((c) => c.key === to);
  const migrate = async (): Promise<void> => {
    if (!to) return;
    setBusy(true);
    setError(undefined);
    try {
      const started = await api.call('jobs.migrate', {
        connection, key: domain.key, to, tunnelled: !direct, temporary: offline ? false : temporary, offline, copyStorage: offline ? 'none' : copyStorage,
        ...(uri.trim() !== '' ? { destinationUri: uri.trim() } : {}), ...(bandwidth !== '' ? { bandwidthMiBs: bandwidth } : {}),
        ...(direct && !offline && migrateUri.trim() !== '' ? { migrateUri: migrateUri.trim() } : {}),
        ...(direct && !offline && disksUri.trim() !== '' ? { disksUri: disksUri.trim() } : {}),
      });
      setJob(started.id);
    } catch (e) {
      const err = e as { error?: { field?: string; message: string } };
      setError(err.error ?? { message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (f: string): string | undefined => (error?.field === f ? error.message : undefined);

  if (job) {
    return (
      <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="migrate-title">
        <ModalHeader title={t('lifecycle.migrate.progressTitle', { name: domain.name, host: destination?.saved.name || destination?.saved.uri || '' })} labelId="migrate-title" />
        <ModalBody>
          <JobProgress id={job} title={t('lifecycle.migrate.progress')} />
          {view?.state === 'done' && <Alert isInline isPlain variant="success" title={t('lifecycle.migrate.done', { name: domain.name })} />}
        </ModalBody>
        <ModalFooter><Button variant="primary" onClick={onClose}>{t(view && view.state !== 'running' ? 'lifecycle.close' : 'lifecycle.hide')}</Button></ModalFooter>
      </Modal>
    );
  }

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="migrate-title" className="migrate-dialog">
      <ModalHeader title={t('lifecycle.migrate.title', { name: domain.name })} labelId="migrate-title" />
      <ModalBody>
        <Form id="migrate-form" onSubmit={(e) => { e.preventDefault(); void migrate(); }}>
          <FormGroup label={t('lifecycle.migrate.to')} fieldId="migrate-to" isRequired>
            <FormSelect id="migrate-to" value={to ?? ''} onChange={(_e, v) => setTo(v)} validated={fieldError('to') ? 'error' : 'default'}>
              {!firstOk && <FormSelectOption value="" label={t('lifecycle.migrate.noHost')} isPlaceholder />}
              {candidates.map((c) => {
                const why = source ? whyNot(source, c) : 'same';
                const name = c.saved.name || c.saved.uri;
                return <FormSelectOption key={c.key} value={c.key} isDisabled={why !== null}
                  label={why === null ? name : t('lifecycle.migrate.notThis', { name, why: t(`lifecycle.migrate.why.${why}`) })} />;
              })}
            </FormSelect>
            {fieldError('to') && <FormHelperText><HelperText><HelperTextItem variant="error">{fieldError('to')}</HelperTextItem></HelperText></FormHelperText>}
          </FormGroup>
          <FormGroup label={t('lifecycle.migrate.mode')} role="radiogroup" isStack fieldId="migrate-mode">
            <Radio id="migrate-live" name="migrate-mode" isChecked={!offline} isDisabled={off} onChange={() => setOffline(false)}
              label={t('lifecycle.migrate.live')} description={t(off ? 'lifecycle.migrate.liveOff' : 'lifecycle.migrate.liveHelp')} />
            <Radio id="migrate-offline" name="migrate-mode" isChecked={offline} onChange={() => setOffline(true)}
              label={t('lifecycle.migrate.offline')} description={t('lifecycle.migrate.offlineHelp')} />
          </FormGroup>
          <FormGroup label={t('lifecycle.migrate.connection')} role="radiogroup" isStack fieldId="migrate-connection">
            <Radio id="migrate-tunnelled" name="migrate-connection" isChecked={!direct} isDisabled={copying} onChange={() => setTunnelled(true)}
              label={t('lifecycle.migrate.tunnelled')} description={t(copying ? 'lifecycle.migrate.tunnelledNoStorage' : 'lifecycle.migrate.tunnelledHelp')} />
            <Radio id="migrate-direct" name="migrate-connection" isChecked={direct} onChange={() => setTunnelled(false)}
              label={t('lifecycle.migrate.direct')} description={t('lifecycle.migrate.directHelp')} />
          </FormGroup>
          {direct && !offline && (
            <>
              <FormGroup label={t('lifecycle.migrate.migrateUri')} fieldId="migrate-data-uri">
                <TextInput id="migrate-data-uri" value={migrateUri} placeholder="tcp://host:49152" translate="no" onChange={(_e, v) => setMigrateUri(v)}
                  validated={fieldError('migrateUri') ? 'error' : 'default'} />
                <FormHelperText><HelperText>
                  {fieldError('migrateUri') ? <HelperTextItem variant="error">{fieldError('migrateUri')}</HelperTextItem> : <HelperTextItem>{t('lifecycle.migrate.migrateUriHelp')}</HelperTextItem>}
                </HelperText></FormHelperText>
              </FormGroup>
              {copying && (
                <FormGroup label={t('lifecycle.migrate.disksUri')} fieldId="migrate-disks-uri">
                  <TextInput id="migrate-disks-uri" value={disksUri} placeholder="tcp://host:49153" translate="no" onChange={(_e, v) => setDisksUri(v)}
                    validated={fieldError('disksUri') ? 'error' : 'default'} />
                  <FormHelperText><HelperText>
                    {fieldError('disksUri') ? <HelperTextItem variant="error">{fieldError('disksUri')}</HelperTextItem> : <HelperTextItem>{t('lifecycle.migrate.disksUriHelp')}</HelperTextItem>}
                  </HelperText></FormHelperText>
                </FormGroup>
              )}
            </>
          )}
          <FormGroup label={t('lifecycle.migrate.uri')} fieldId="migrate-uri">
            <TextInput id="migrate-uri" value={uri} placeholder={destination?.saved.uri ?? ''} translate="no" onChange={(_e, v) => setUri(v)}
              validated={fieldError('destinationUri') ? 'error' : 'default'} />
            <FormHelperText><HelperText>
              {fieldError('destinationUri') ? <HelperTextItem variant="error">{fieldError('destinationUri')}</HelperTextItem> : <HelperTextItem>{t('lifecycle.migrate.uriHelp')}</HelperTextItem>}
            </HelperText></FormHelperText>
          </FormGroup>
          {!offline && (
            <>
              <FormGroup label={t('lifecycle.migrate.storage')} fieldId="migrate-storage">
                <FormSelect id="migrate-storage" value={copyStorage} validated={fieldError('copyStorage') ? 'error' : 'default'} onChange={(_e, v) => setCopyStorage(v === 'full' || v === 'incremental' ? v : 'none')}>
                  <FormSelectOption value="none" label={t('lifecycle.migrate.storageNone')} />
                  <FormSelectOption value="full" label={t('lifecycle.migrate.storageFull')} />
                  <FormSelectOption value="incremental" label={t('lifecycle.migrate.storageIncremental')} />
                </FormSelect>
                <FormHelperText><HelperText>
                  {fieldError('copyStorage') ? <HelperTextItem variant="error">{fieldError('copyStorage')}</HelperTextItem> : <HelperTextItem>{t('lifecycle.migrate.storageHelp')}</HelperTextItem>}
                </HelperText></FormHelperText>
              </FormGroup>
              <Checkbox id="migrate-temporary" label={t('lifecycle.migrate.temporary')} description={t('lifecycle.migrate.temporaryHelp')}
                isChecked={temporary} onChange={(_e, v) => setTemporary(v)} />
              <FormGroup label={t('lifecycle.migrate.bandwidth')} fieldId="migrate-bandwidth">
                <NumberInput id="migrate-bandwidth" value={bandwidth} min={1} unit="MiB/s" inputAriaLabel={t('lifecycle.migrate.bandwidth')}
                  onMinus={() => setBandwidth(bandwidth === '' || bandwidth <= 1 ? '' : bandwidth - 1)}
                  onPlus={() => setBandwidth(bandwidth === '' ? 1 : bandwidth + 1)}
                  onChange={(e) => { const v = Number((e.target as HTMLInputElement).value); setBandwidth(Number.isFinite(v) && v >= 1 ? Math.floor(v) : ''); }} />
                <FormHelperText><HelperText><HelperTextItem>{t('lifecycle.migrate.bandwidthHelp')}</HelperTextItem></HelperText></FormHelperText>
              </FormGroup>
            </>
          )}
          {error && !['to', 'destinationUri', 'copyStorage', 'migrateUri', 'disksUri'].includes(error.field ?? '') && <Alert isInline variant="danger" title={t('lifecycle.migrate.failed')}>{error.message}</Alert>}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="migrate-form" variant="primary" isLoading={busy} isDisabled={busy || !to}>{t('lifecycle.migrate.submit')}</Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
