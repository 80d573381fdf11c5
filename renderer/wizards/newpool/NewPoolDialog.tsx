import { Alert, Button, Checkbox, Form, FormGroup, FormSelect, FormSelectOption, Modal, ModalBody, ModalFooter, ModalHeader, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildPoolSourceSpec, parsePoolSources, parseStoragePool, type PoolSource } from '../../../drivers/xml/index.js';
import { useApi, usePools } from '../../state/hooks.js';
import { FieldMessage, validated } from '../common/FieldMessage.js';
import { buildNewPool, defaultTarget, initialPool, POOL_FIELDS, POOL_TYPES, poolErrors, type NewPoolState, type PoolField } from './new-pool-form.js';

const FIND_TYPES = new Set(['netfs', 'iscsi', 'logical', 'disk', 'fs', 'gluster', 'scsi', 'rbd', 'zfs']);

/** How a found source is named in the form: its directory (netfs, gluster), name (a group, a pool), device or adapter. */
function sourceLabel(x: PoolSource): string {
  return x.dir ?? x.name ?? x.devices?.[0] ?? x.adapter?.name ?? '';
}

/** New storage pool of any libvirt type: its fields, "find sources" where libvirt can, build where needed, start and autostart. */
export function NewPoolDialog({ connection, onClose }: { connection: string; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const pools = usePools(connection);
  const [s, setS] = useState<NewPoolState>(() => initialPool(pools));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [sources, setSources] = useState<readonly PoolSource[] | undefined>();
  const set = (patch: Partial<NewPoolState>): void => setS((x) => ({ ...x, ...patch }));
  const spec = POOL_FIELDS[s.type];
  const all = poolErrors(s, pools);
  const errors = tried ? all : {};

  const find = (): void => {
    setSources(undefined);
    setFailure(undefined);
    const askHost = s.type === 'netfs' || s.type === 'iscsi' || s.type === 'gluster' || s.type === 'rbd';
    void (async () => {
      const sourceSpec = askHost ? buildPoolSourceSpec({ hosts: [{ name: s.host.trim() }] }) : undefined;
      const { xml } = await api.call('storage.findPoolSources', { connection, type: s.type as 'netfs', ...(sourceSpec ? { sourceSpec } : {}) });
      // What to offer of each: its directory, name, device or adapter.
      setSources(parsePoolSources(xml).filter((x) => sourceLabel(x) !== ''));
    })().catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  };
  const useSource = (v: PoolSource): void => {
    const label = sourceLabel(v);
    if (s.type === 'netfs' || s.type === 'gluster') set({ dir: label });
    else if (s.type === 'iscsi') set({ iqn: label });
    // A volume group comes with the physical volumes it is on.
    else if (s.type === 'logical') set({ sourceName: label, ...(v.devices !== undefined && s.device.trim() === '' ? { device: v.devices.join(', ') } : {}) });
    else if (s.type === 'zfs' || s.type === 'rbd') set({ sourceName: label });
    else set({ device: label });
  };

  const create = (): void => {
    setTried(true);
    if (Object.keys(all).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    void (async () => {
      const xml = buildNewPool(s).toXml();
      parseStoragePool(xml);
      const { key } = await api.call('storage.definePool', { connection, xml });
      try {
        // A directory is always made; a device is formatted (or a group made) only when asked, and never over data.
        // (An fs pool's build without flags only makes its mount point; with them libvirt formats the device.)
        if (spec.build === 'always' || s.type === 'fs') await api.call('storage.buildPool', { connection, key, mode: s.build ? 'no-overwrite' : 'new' });
        else if (spec.build === 'optional' && s.build) await api.call('storage.buildPool', { connection, key, mode: 'no-overwrite' });
        await api.call('storage.startPool', { connection, key });
        if (s.autostart) await api.call('storage.setPoolAutostart', { connection, key, autostart: true });
      } catch (e) {
        // A pool that does not start is not left defined.
        await api.call('storage.undefinePool', { connection, key }).catch(() => undefined);
        throw e;
      }
    })().then(onClose, (e: unknown) => {
      setBusy(false);
      setFailure(e instanceof Error ? e.message : String(e));
    });
  };
  const field = (f: PoolField): React.JSX.Element => (
    <FormGroup key={f} label={t(`wizards.newpool.fields.${f}`)} fieldId={`newpool-${f}`} isRequired={spec.required.includes(f)}>
      {f === 'format' ? (
        <FormSelect id="newpool-format" value={s.format} onChange={(_e, format) => set({ format })}>
          <FormSelectOption value="" label={t('wizards.newpool.formatDefault')} />
          {(spec.formats ?? []).map((x) => <FormSelectOption key={x} value={x} label={x} />)}
        </FormSelect>
      ) : (
        <TextInput id={`newpool-${f}`} value={s[f]} validated={validated(errors[f])} onChange={(_e, v) => set({ [f]: v })} />
      )}
      <FieldMessage error={errors[f]} />
    </FormGroup>
  );
  return (
    <Modal isOpen variant="medium" onClose={busy ? undefined : onClose} aria-labelledby="newpool-title">
      <ModalHeader title={t('wizards.newpool.title')} labelId="newpool-title" />
      <ModalBody>
        <Form id="newpool-form" onSubmit={(e) => { e.preventDefault(); create(); }}>
          <FormGroup label={t('wizards.newpool.name')} fieldId="newpool-name" isRequired>
            <TextInput id="newpool-name" value={s.name} validated={validated(errors['name'])}
              onChange={(_e, name) => set({ name, ...(s.target === defaultTarget(s.type, s.name) ? { target: defaultTarget(s.type, name) } : {}) })} />
            <FieldMessage error={errors['name']} />
          </FormGroup>
          <FormGroup label={t('wizards.newpool.type')} fieldId="newpool-type">
            <FormSelect id="newpool-type" value={s.type}
              onChange={(_e, type) => { setSources(undefined); set({ type: type as NewPoolState['type'], target: defaultTarget(type as NewPoolState['type'], s.name), format: '' }); }}>
              {POOL_TYPES.map((x) => <FormSelectOption key={x} value={x} label={t(`wizards.newpool.types.${x}`)} />)}
            </FormSelect>
          </FormGroup>
          {spec.fields.map(field)}
          {spec.find && FIND_TYPES.has(s.type) && (
            <div className="newpool-find">
              <Button variant="secondary" size="sm" onClick={find}>{t('wizards.newpool.find')}</Button>
              {sources && sources.length === 0 && <span className="newpool-found">{t('wizards.newpool.foundNone')}</span>}
              {sources && sources.map((x) => <Button key={sourceLabel(x)} variant="link" size="sm" isInline onClick={() => useSource(x)}>{sourceLabel(x)}</Button>)}
            </div>
          )}
          {spec.build === 'always' && <Alert variant="info" isInline isPlain title={t('wizards.newpool.willBuild')} />}
          {spec.build === 'optional' && (
            <Checkbox id="newpool-build" label={t('wizards.newpool.buildDevice')} isChecked={s.build} onChange={(_e, build) => set({ build })} />
          )}
          <Checkbox id="newpool-autostart" label={t('wizards.newpool.autostart')} isChecked={s.autostart} onChange={(_e, autostart) => set({ autostart })} />
          {failure && <Alert variant="danger" isInline title={t('wizards.newpool.failed')}>{failure}</Alert>}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" type="submit" form="newpool-form" isLoading={busy} isDisabled={busy}>{t('wizards.common.create')}</Button>
        <Button variant="link" onClick={onClose} isDisabled={busy}>{t('wizards.common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
