import { Alert, AlertActionLink, Form, FormGroup, TextArea, TextInput } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OsDetection, OsSummary, PoolSummary, TreeDetection } from '../../../main/api/contract/index.js';
import { useApi } from '../../state/hooks.js';
import { FieldMessage, validated } from '../common/FieldMessage.js';
import { checkInstallUrl } from '../common/validators.js';
import { VolumeSelect } from '../common/VolumeSelect.js';
import { IsoUpload } from './IsoUpload.js';
import { OsPicker } from './OsPicker.js';
import type { StepProps } from './step-props.js';

const isIso = (name: string): boolean => /\.iso$/i.test(name);

/** Step 2: the install media (ISO volume, disk image, install tree, cloud image and its cloud-init) and the OS. */
export function MediaStep({ state, set, errors, pools, os, onOs }: StepProps & {
  pools: readonly PoolSummary[];
  os: OsSummary | undefined;
  onOs: (os: OsSummary) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [detection, setDetection] = useState<{ key: string; result?: OsDetection; error?: string } | undefined>();
  const isoKey = state.method === 'iso' && state.iso ? `${state.connection}/${state.iso.pool}/${state.iso.volume}` : '';
  useEffect(() => {
    if (!isoKey || !state.iso) return;
    let live = true;
    setDetection({ key: isoKey });
    void api.call('osinfo.detect', { connection: state.connection, pool: state.iso.pool, volume: state.iso.volume })
      .then((result) => {
        if (!live) return;
        setDetection({ key: isoKey, result });
        if (result.match && !result.newer) onOs(result.match.os);
      })
      .catch((e: unknown) => { if (live) setDetection({ key: isoKey, error: e instanceof Error ? e.message : String(e) }); });
    return () => {
      live = false;
    };
    // onOs changes every render; the detection is of the volume only.
  }, [api, isoKey]);
  // A network install's OS from the tree's .treeinfo (main reads it), once the URL has stopped changing.
  const [treeDetection, setTreeDetection] = useState<{ key: string; result?: TreeDetection; error?: string } | undefined>();
  const treeKey = state.method === 'url' && !checkInstallUrl(state.url) ? `${state.arch} ${state.url.trim()}` : '';
  useEffect(() => {
    if (!treeKey) return;
    let live = true;
    const timer = setTimeout(() => {
      setTreeDetection({ key: treeKey });
      void api.call('osinfo.detectTree', { url: state.url.trim(), arch: state.arch })
        .then((result) => {
          if (!live) return;
          setTreeDetection({ key: treeKey, result });
          if (result.match) onOs(result.match);
        })
        .catch((e: unknown) => { if (live) setTreeDetection({ key: treeKey, error: e instanceof Error ? e.message : String(e) }); });
    }, 600);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // onOs changes every render; the detection is of the tree only.
  }, [api, treeKey]);
  const tree = treeDetection?.key === treeKey ? treeDetection : undefined;
  const shown = detection?.key === isoKey ? detection : undefined;
  const r = shown?.result;
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      {state.method === 'iso' && (
        <FormGroup label={t('wizards.newvm.isoVolume')} fieldId="newvm-iso" isRequired>
          <VolumeSelect id="newvm-iso" pools={pools} value={state.iso} onChange={(iso) => set({ iso })} filter={(v) => isIso(v.name)}
            validated={validated(errors['iso'])} />
          <FieldMessage error={errors['iso']} hint={t('wizards.newvm.isoHint')} />
          <IsoUpload connection={state.connection} pools={pools} onUploaded={(iso) => set({ iso })} />
        </FormGroup>
      )}
      {state.method === 'import' && (
        <FormGroup label={t('wizards.newvm.importVolume')} fieldId="newvm-import" isRequired>
          <VolumeSelect id="newvm-import" pools={pools} value={state.importDisk} onChange={(importDisk) => set({ importDisk })}
            filter={(v) => !isIso(v.name)} validated={validated(errors['importDisk'])} />
          <FieldMessage error={errors['importDisk']} />
        </FormGroup>
      )}
      {state.method === 'url' && (
        <>
          <FormGroup label={t('wizards.newvm.url')} fieldId="newvm-url" isRequired>
            <TextInput id="newvm-url" value={state.url} validated={validated(errors['url'])} onChange={(_e, url) => set({ url })} />
            <FieldMessage error={errors['url']} />
          </FormGroup>
          <FormGroup label={t('wizards.newvm.kernelArgs')} fieldId="newvm-kargs">
            <TextInput id="newvm-kargs" value={state.kernelArgs} validated={validated(errors['kernelArgs'])} onChange={(_e, kernelArgs) => set({ kernelArgs })} />
            <FieldMessage error={errors['kernelArgs']} />
          </FormGroup>
        </>
      )}
      {state.method === 'url' && tree && (
        tree.error ? <Alert variant="warning" isInline title={t('wizards.newvm.treeDetectFailed')}>{tree.error}</Alert>
          : !tree.result ? <Alert variant="info" isInline title={t('wizards.newvm.treeDetecting')} />
            : tree.result.match ? <Alert variant="success" isInline title={t('wizards.newvm.treeDetected', { name: tree.result.match.name })} />
              : tree.result.treeinfo ? <Alert variant="info" isInline title={t('wizards.newvm.treeUnknown', { family: tree.result.treeinfo.family ?? '?', version: tree.result.treeinfo.version ?? '' })} />
                : <Alert variant="info" isInline title={t('wizards.newvm.treeNoInfo')} />
      )}
      {state.method === 'cloud' && (
        <>
          <FormGroup label={t('wizards.newvm.cloudImage')} fieldId="newvm-cloud-image" isRequired>
            <VolumeSelect id="newvm-cloud-image" pools={pools} value={state.cloudImage} onChange={(cloudImage) => set({ cloudImage })}
              filter={(v) => !isIso(v.name)} validated={validated(errors['cloudImage'])} />
            <FieldMessage error={errors['cloudImage']} hint={t('wizards.newvm.cloudImageHint')} />
          </FormGroup>
          <FormGroup label={t('wizards.newvm.cloudUser')} fieldId="newvm-cloud-user" isRequired>
            <TextInput id="newvm-cloud-user" value={state.cloudUser} validated={validated(errors['cloudUser'])} onChange={(_e, cloudUser) => set({ cloudUser })} />
            <FieldMessage error={errors['cloudUser']} />
          </FormGroup>
          <FormGroup label={t('wizards.newvm.cloudPassword')} fieldId="newvm-cloud-password">
            <TextInput id="newvm-cloud-password" type="password" value={state.cloudPassword} validated={validated(errors['cloudPassword'])}
              onChange={(_e, cloudPassword) => set({ cloudPassword })} />
            <FieldMessage error={errors['cloudPassword']} />
          </FormGroup>
          <FormGroup label={t('wizards.newvm.cloudKeys')} fieldId="newvm-cloud-keys">
            <TextArea id="newvm-cloud-keys" value={state.cloudKeys} validated={validated(errors['cloudKeys'])} onChange={(_e, cloudKeys) => set({ cloudKeys })} rows={2} />
            <FieldMessage error={errors['cloudKeys']} />
          </FormGroup>
          <FormGroup label={t('wizards.newvm.cloudHostname')} fieldId="newvm-cloud-hostname" isRequired>
            <TextInput id="newvm-cloud-hostname" value={state.cloudHostname} validated={validated(errors['cloudHostname'])}
              onChange={(_e, cloudHostname) => set({ cloudHostname })} />
            <FieldMessage error={errors['cloudHostname']} />
          </FormGroup>
          <FormGroup label={t('wizards.newvm.cloudUserData')} fieldId="newvm-cloud-userdata">
            <TextArea id="newvm-cloud-userdata" value={state.cloudUserData} validated={validated(errors['cloudUserData'])}
              onChange={(_e, cloudUserData) => set({ cloudUserData })} rows={3} placeholder="#cloud-config" />
            <FieldMessage error={errors['cloudUserData']} />
          </FormGroup>
        </>
      )}
      {state.method === 'iso' && shown && (
        shown.error ? <Alert variant="warning" isInline title={t('wizards.newvm.detectFailed')}>{shown.error}</Alert>
          : !r ? <Alert variant="info" isInline title={t('wizards.newvm.detecting')} />
            : r.newer ? (
              <Alert variant="warning" isInline title={t('wizards.newvm.detectNewer', { distro: r.newer.distro, version: r.newer.seenVersion, offered: r.newer.offered.name })}
                actionLinks={<AlertActionLink onClick={() => onOs(r.newer!.offered)}>{t('wizards.newvm.useOffered', { name: r.newer.offered.name })}</AlertActionLink>} />
            ) : r.match ? <Alert variant="success" isInline title={t('wizards.newvm.detected', { name: r.match.os.name })} />
              : <Alert variant="info" isInline title={r.descriptor ? t('wizards.newvm.detectNone', { volumeId: r.descriptor.volumeId }) : t('wizards.newvm.notIso')} />
      )}
      <FormGroup label={t('wizards.newvm.os')} fieldId="newvm-os-search" isRequired>
        <div className="newvm-os-chosen" aria-live="polite">{os ? t('wizards.newvm.osChosen', { name: os.name, id: os.shortId }) : t('wizards.newvm.osNotChosen')}</div>
        <OsPicker value={state.osId} onChange={onOs} />
        <FieldMessage error={errors['os']} />
      </FormGroup>
    </Form>
  );
}
