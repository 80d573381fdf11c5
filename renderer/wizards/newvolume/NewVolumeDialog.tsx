import { Alert, Button, Checkbox, Form, FormGroup, FormSelect, FormSelectOption, InputGroup, InputGroupItem, Modal, ModalBody, ModalFooter, ModalHeader, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolSummary } from '../../../main/api/contract/index.js';
import { parseStoragePool } from '../../../drivers/xml/index.js';
import { useApi, useJobWait, useSettings } from '../../state/hooks.js';
import { FieldMessage, validated } from '../common/FieldMessage.js';
import { formatBytesPlain, SIZE_UNITS } from '../common/validators.js';
import { buildNewVolume, initialVolume, volumeErrors, volumeFormats, withFormat, type NewVolumeState } from './new-volume-form.js';

function poolType(pool: PoolSummary): string | undefined {
  try {
    return parseStoragePool(pool.xml).type;
  } catch {
    return undefined;
  }
}

/** New volume in a pool: name with the format's suffix, format, capacity and unit, preallocation, qcow2 backing volume. */
export function NewVolumeDialog({ connection, pool, onClose }: { connection: string; pool: PoolSummary; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const waitJob = useJobWait();
  const settings = useSettings();
  const type = poolType(pool);
  const formats = volumeFormats(type);
  const [s, setS] = useState<NewVolumeState>(() => initialVolume(pool, type, (settings?.newVm.storageFormat ?? 'qcow2') === 'qcow2'));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const set = (patch: Partial<NewVolumeState>): void => setS((x) => ({ ...x, ...patch }));
  const all = volumeErrors(s, pool);
  const errors = tried ? all : {};
  const create = (): void => {
    setTried(true);
    if (Object.keys(all).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    void (async () => {
      const job = await api.call('jobs.createVolume', { connection, pool: pool.key, volume: { xml: buildNewVolume(s, pool).toXml() } });
      const end = job.state === 'running' ? await waitJob(job.id) : job;
      if (end.state !== 'done') throw new Error(end.error?.message ?? end.state);
    })().then(onClose, (e: unknown) => {
      setBusy(false);
      setFailure(e instanceof Error ? e.message : String(e));
    });
  };
  return (
    <Modal isOpen variant="small" onClose={busy ? undefined : onClose} aria-labelledby="newvol-title">
      <ModalHeader title={t('wizards.newvol.title', { pool: pool.name })} labelId="newvol-title" />
      <ModalBody>
        <Form id="newvol-form" onSubmit={(e) => { e.preventDefault(); create(); }}>
          <FormGroup label={t('wizards.newvol.name')} fieldId="newvol-name" isRequired>
            <TextInput id="newvol-name" value={s.name} validated={validated(errors['name'])} onChange={(_e, name) => set({ name })} />
            <FieldMessage error={errors['name']} />
          </FormGroup>
          {formats.length > 0 && (
            <FormGroup label={t('wizards.newvol.format')} fieldId="newvol-format">
              <FormSelect id="newvol-format" value={s.format} onChange={(_e, f) => setS((x) => withFormat(x, f))}>
                {formats.map((f) => <FormSelectOption key={f} value={f} label={f} />)}
              </FormSelect>
            </FormGroup>
          )}
          <FormGroup label={t('wizards.newvol.capacity')} fieldId="newvol-capacity" isRequired>
            <InputGroup>
              <InputGroupItem isFill>
                <TextInput id="newvol-capacity" value={s.capacity} validated={validated(errors['capacity'])} onChange={(_e, capacity) => set({ capacity })} />
              </InputGroupItem>
              <InputGroupItem>
                <FormSelect id="newvol-unit" aria-label={t('wizards.common.units')} value={s.unit} onChange={(_e, unit) => set({ unit })}>
                  {SIZE_UNITS.map((u) => <FormSelectOption key={u} value={u} label={u} />)}
                </FormSelect>
              </InputGroupItem>
            </InputGroup>
            <FieldMessage error={errors['capacity']} hint={t('wizards.newvol.free', { free: formatBytesPlain(pool.available) })} />
          </FormGroup>
          <Checkbox id="newvol-prealloc" label={t('wizards.newvol.preallocate')} isChecked={s.preallocate} onChange={(_e, preallocate) => set({ preallocate })} />
          {s.format === 'qcow2' && (
            <FormGroup label={t('wizards.newvol.backing')} fieldId="newvol-backing">
              <FormSelect id="newvol-backing" value={s.backing} validated={validated(errors['backing'])} onChange={(_e, backing) => {
                // An overlay is as large as its base unless told otherwise, as virt-manager makes it.
                const base = pool.volumes.find((v) => v.name === backing);
                set({ backing, ...(base ? { capacity: String(Math.round((base.capacity / 1024 ** 3) * 1000) / 1000), unit: 'GiB' } : {}) });
              }}>
                <FormSelectOption value="" label={t('wizards.newvol.noBacking')} />
                {pool.volumes.filter((v) => !/\.iso$/i.test(v.name)).map((v) => <FormSelectOption key={v.name} value={v.name} label={v.name} />)}
              </FormSelect>
              <FieldMessage error={errors['backing']} />
            </FormGroup>
          )}
          {failure && <Alert variant="danger" isInline title={t('wizards.newvol.failed')}>{failure}</Alert>}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" type="submit" form="newvol-form" isLoading={busy} isDisabled={busy}>{t('wizards.common.create')}</Button>
        <Button variant="link" onClick={onClose} isDisabled={busy}>{t('wizards.common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
