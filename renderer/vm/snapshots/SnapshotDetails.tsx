import {
  Alert, Button, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Form, FormGroup, Label, TextArea, Title,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../../main/api/contract/index.js';
import { useApi } from '../../state/hooks.js';
import { errorText, snapshotKindLabel, snapshotStateLabel } from './snapshot-labels.js';

/** The picture kept with a snapshot, fetched when it is shown. */
function SnapshotScreenshot({ connection, uuid, snapshot }: { connection: string; uuid: string; snapshot: SnapshotSummary }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [src, setSrc] = useState<string | null | undefined>();
  useEffect(() => {
    let live = true;
    setSrc(undefined);
    if (!snapshot.hasScreenshot) {
      setSrc(null);
      return;
    }
    api.call('snapshots.screenshot', { connection, domain: uuid, name: snapshot.name }).then((shot) => {
      if (live) setSrc(shot ? `data:${shot.mime};base64,${shot.base64}` : null);
    }).catch(() => {
      if (live) setSrc(null);
    });
    return () => {
      live = false;
    };
  }, [api, connection, uuid, snapshot.name, snapshot.hasScreenshot]);
  if (src === undefined) return <div className="snapshot-screenshot snapshot-screenshot-empty" />;
  if (src === null) return <div className="snapshot-screenshot snapshot-screenshot-empty">{t('lifecycle.snap.noScreenshot')}</div>;
  return <img className="snapshot-screenshot" src={src} alt={t('lifecycle.snap.screenshotAlt', { name: snapshot.name })} />;
}

/** The selected snapshot: what it holds, where its files are, its picture, and its description (editable). */
export function SnapshotDetails({ connection, uuid, snapshot }: { connection: string; uuid: string; snapshot: SnapshotSummary }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [description, setDescription] = useState(snapshot.description);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setDescription(snapshot.description);
    setError(undefined);
  }, [snapshot.name, snapshot.description]);
  const apply = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await api.call('snapshots.setDescription', { connection, domain: uuid, name: snapshot.name, description });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const when = snapshot.creationTime !== null ? new Date(snapshot.creationTime * 1000).toLocaleString(i18n.language) : '—';
  return (
    <div className="snapshot-details" data-snapshot={snapshot.name}>
      <Title headingLevel="h3" size="lg">
        {snapshot.name} {snapshot.current && <Label color="blue" isCompact>{t('lifecycle.snap.current')}</Label>}
      </Title>
      <DescriptionList isCompact isHorizontal>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('lifecycle.snap.col.created')}</DescriptionListTerm>
          <DescriptionListDescription>{when}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('lifecycle.snap.col.state')}</DescriptionListTerm>
          <DescriptionListDescription>{snapshotStateLabel(t, snapshot.state)}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('lifecycle.snap.col.kind')}</DescriptionListTerm>
          <DescriptionListDescription>{snapshotKindLabel(t, snapshot.kind)}</DescriptionListDescription>
        </DescriptionListGroup>
        {snapshot.memoryFile !== null && (
          <DescriptionListGroup>
            <DescriptionListTerm>{t('lifecycle.snap.memoryFile')}</DescriptionListTerm>
            <DescriptionListDescription translate="no" className="snapshot-path">{snapshot.memoryFile}</DescriptionListDescription>
          </DescriptionListGroup>
        )}
        {snapshot.diskFiles.map((d) => (
          <DescriptionListGroup key={d.target}>
            <DescriptionListTerm>{t('lifecycle.snap.overlayOf', { target: d.target })}</DescriptionListTerm>
            <DescriptionListDescription translate="no" className="snapshot-path">{d.file}</DescriptionListDescription>
          </DescriptionListGroup>
        ))}
      </DescriptionList>
      <SnapshotScreenshot connection={connection} uuid={uuid} snapshot={snapshot} />
      <Form onSubmit={(e) => { e.preventDefault(); void apply(); }}>
        <FormGroup label={t('lifecycle.snap.create.description')} fieldId="snapshot-details-description">
          <TextArea id="snapshot-details-description" value={description} rows={3} resizeOrientation="vertical" onChange={(_e, v) => setDescription(v)} />
        </FormGroup>
        {error && <Alert isInline variant="danger" title={t('lifecycle.snap.descriptionFailed')}>{error}</Alert>}
        <div>
          <Button type="submit" variant="secondary" size="sm" isLoading={busy} isDisabled={busy || description === snapshot.description}>{t('lifecycle.snap.apply')}</Button>
        </div>
      </Form>
    </div>
  );
}
