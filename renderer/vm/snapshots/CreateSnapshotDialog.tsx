import {
  Alert, Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, Modal, ModalBody, ModalFooter, ModalHeader, Radio, TextArea, TextInput,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultMemoryPath, defaultOverlayPath, type SnapshotSummary, type SnapshotSupport } from '../../../main/api/contract/index.js';
import { useApi } from '../../state/hooks.js';
import { errorField, errorText, versionText } from './snapshot-labels.js';
import { nextSnapshotName } from './snapshot-tree.js';

type Mode = 'internal' | 'external';

/**
 * virt-manager's new snapshot dialog: name (`snapshotN`), description, internal or external (the mode of the
 * current snapshot by default, warned against mixing); external asks where the overlays and the memory state go,
 * beside the disks unless the user says otherwise. What the host cannot do is said, and not offered.
 */
export function CreateSnapshotDialog({ connection, uuid, vmName, snapshots, support, onClose }: {
  connection: string;
  uuid: string;
  vmName: string;
  snapshots: readonly SnapshotSummary[];
  support: SnapshotSupport;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const current = snapshots.find((s) => s.current);
  const currentMode: Mode | undefined = current ? (current.kind === 'internal' ? 'internal' : 'external') : undefined;
  const [name, setName] = useState(() => nextSnapshotName(snapshots));
  const [description, setDescription] = useState('');
  const [mode, setMode] = useState<Mode>(support.internal !== null ? 'external' : currentMode ?? 'internal');
  // Paths the user typed; the others follow the name.
  const [memoryFile, setMemoryFile] = useState<string | undefined>();
  const [diskFiles, setDiskFiles] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ field?: string; message: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const fileDisks = support.disks.filter((d) => d.file !== null);
  const firstFile = fileDisks[0]?.file ?? null;
  const snapName = name.trim() || 'snapshot';
  const memoryDefault = firstFile !== null ? defaultMemoryPath(firstFile, vmName, snapName) : '';
  const overlay = (target: string, file: string | null): string => diskFiles[target] ?? (file !== null ? defaultOverlayPath(file, snapName) : '');
  const withMemory = mode === 'external' && support.running;

  const create = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const external = mode === 'external'
        ? {
            ...(withMemory ? { memoryFile: memoryFile ?? memoryDefault } : {}),
            diskFiles: Object.fromEntries(support.disks.flatMap((d) => { const f = overlay(d.target, d.file); return f ? [[d.target, f]] : []; })),
          }
        : undefined;
      await api.call('snapshots.create', { connection, domain: uuid, name: name.trim(), description, ...(external ? { external } : {}), screenshot: true });
      onClose();
    } catch (e) {
      setError({ message: errorText(e), ...(errorField(e) !== undefined ? { field: errorField(e) } : {}) });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string): string | undefined => (error?.field === field ? error.message : undefined);
  const nameError = fieldError('name') ?? (name.includes('/') ? t('lifecycle.snap.create.nameSlash') : undefined);
  const internalWhy = support.internal === 'uefi-old-libvirt'
    ? t('lifecycle.snap.limit.uefi')
    : support.internal === 'not-qcow2' ? t('lifecycle.snap.limit.notQcow2', { disks: support.nonQcow2.join(', ') }) : undefined;

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="snapshot-create-title">
      <ModalHeader title={t('lifecycle.snap.create.title', { name: vmName })} labelId="snapshot-create-title" />
      <ModalBody>
        <Form id="snapshot-create-form" onSubmit={(e) => { e.preventDefault(); void create(); }}>
          <FormGroup label={t('lifecycle.snap.create.name')} fieldId="snapshot-name" isRequired>
            <TextInput id="snapshot-name" value={name} isRequired validated={nameError ? 'error' : 'default'} onChange={(_e, v) => setName(v)} />
            {nameError && <FormHelperText><HelperText><HelperTextItem variant="error">{nameError}</HelperTextItem></HelperText></FormHelperText>}
          </FormGroup>
          <FormGroup label={t('lifecycle.snap.create.description')} fieldId="snapshot-description">
            <TextArea id="snapshot-description" value={description} onChange={(_e, v) => setDescription(v)} resizeOrientation="vertical" rows={3} />
          </FormGroup>
          <FormGroup label={t('lifecycle.snap.create.mode')} role="radiogroup" isStack fieldId="snapshot-mode">
            <Radio id="snapshot-mode-internal" name="snapshot-mode" label={t('lifecycle.snap.create.internal')} isChecked={mode === 'internal'}
              isDisabled={support.internal !== null} onChange={() => setMode('internal')}
              description={internalWhy ?? t(support.running ? 'lifecycle.snap.create.internalRunning' : 'lifecycle.snap.create.internalHelp')} />
            <Radio id="snapshot-mode-external" name="snapshot-mode" label={t('lifecycle.snap.create.external')} isChecked={mode === 'external'}
              onChange={() => setMode('external')}
              description={t(support.running ? 'lifecycle.snap.create.externalRunning' : 'lifecycle.snap.create.externalHelp')} />
          </FormGroup>
          {currentMode !== undefined && currentMode !== mode && (
            <Alert isInline isPlain variant="warning" title={t('lifecycle.snap.create.mixing', { name: current?.name ?? '' })} />
          )}
          {mode === 'external' && !support.externalRevert && (
            <Alert isInline variant="info" title={t('lifecycle.snap.limit.externalRevert', { version: versionText(support.libVersion) })} />
          )}
          {withMemory && (
            <FormGroup label={t('lifecycle.snap.create.memoryFile')} fieldId="snapshot-memory-file" isRequired>
              <TextInput id="snapshot-memory-file" value={memoryFile ?? memoryDefault} translate="no" onChange={(_e, v) => setMemoryFile(v)} />
              <FormHelperText><HelperText><HelperTextItem>{t('lifecycle.snap.create.memoryHelp')}</HelperTextItem></HelperText></FormHelperText>
            </FormGroup>
          )}
          {mode === 'external' && support.disks.map((d) => (
            <FormGroup key={d.target} label={t('lifecycle.snap.create.overlay', { target: d.target })} fieldId={`snapshot-overlay-${d.target}`}>
              <TextInput id={`snapshot-overlay-${d.target}`} value={overlay(d.target, d.file)} translate="no"
                onChange={(_e, v) => setDiskFiles({ ...diskFiles, [d.target]: v })} />
              <FormHelperText><HelperText><HelperTextItem>{d.file !== null ? t('lifecycle.snap.create.overlayHelp', { file: d.file }) : t('lifecycle.snap.create.overlayNoFile')}</HelperTextItem></HelperText></FormHelperText>
            </FormGroup>
          ))}
          {error && error.field !== 'name' && <Alert isInline variant="danger" title={t('lifecycle.snap.create.failed')}>{error.message}</Alert>}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="snapshot-create-form" variant="primary" isLoading={busy} isDisabled={busy || name.trim() === '' || nameError !== undefined}>
          {t('lifecycle.snap.create.submit')}
        </Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
