import {
  ActionList, ActionListGroup, ActionListItem, Alert, AlertActionLink, Button, ExpandableSection, HelperText, HelperTextItem, Modal, ModalBody, ModalFooter,
  ModalHeader,
  Spinner, Title, Tooltip,
} from '@patternfly/react-core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceView, type DomainDevice, type XmlElement } from '../../../drivers/xml/index.js';
import { XmlDiff } from '../../components/xml/XmlDiff.js';
import { usePreferences } from '../../prefs/use-preferences.js';
import { useLeaveGuard } from '../../shell/leave-guard.js';
import { tabId } from '../../shell/routes.js';
import { useApi, useNotifications, usePools } from '../../state/hooks.js';
import { AddHardwareWizard } from '../../wizards/addhw/AddHardwareWizard.js';
import { devicePageFor } from '../devices/registry.js';
import type { VmPageProps } from '../vm-page.js';
import { BootPage } from './BootPage.js';
import { CpusPage } from './CpusPage.js';
import { HardwareList, SECTION_ICONS, UNKNOWN_DEVICE_ICON, type HardwareItem } from './HardwareList.js';
import { elementXml } from './merge.js';
import { MemoryPage } from './MemoryPage.js';
import { OsInfoPage } from './OsInfoPage.js';
import { guestAddresses, OverviewPage } from './OverviewPage.js';
import { PageTabs } from './PageTabs.js';
import { PerformancePage } from './PerformancePage.js';
import { diskVolume, RemoveDeviceDialog } from './RemoveDeviceDialog.js';
import type { SectionPageProps } from './section-page.js';
import { deviceItem, isDeviceItem, SECTION_ELEMENTS, SECTIONS, sectionXml, type ItemKey, type Section } from './sections.js';
import { useVmEditor } from './use-vm-editor.js';
import { isRunning, type VmEditor } from './vm-editor.js';
import { XmlTab } from './XmlTab.js';
import './details.css';

const NOTHING_PENDING: ReadonlySet<ItemKey> = new Set();

/** The page each VM's Details showed last, so that coming back shows it again. */
const lastSelected = new Map<string, ItemKey>();

/** Device views are made once per element: a page may hold on to the view it was given. */
const views = new WeakMap<XmlElement, DomainDevice>();
function viewOf(el: XmlElement, field: string): DomainDevice {
  let v = views.get(el);
  if (v === undefined) {
    v = deviceView(el, field);
    views.set(el, v);
  }
  return v;
}

interface DeviceItem extends HardwareItem {
  readonly device: DomainDevice;
}

function SectionBody({ section, props }: { section: Section; props: SectionPageProps }): React.JSX.Element {
  switch (section) {
    case 'overview': return <OverviewPage {...props} />;
    case 'osinfo': return <OsInfoPage {...props} />;
    case 'performance': return <PerformancePage {...props} />;
    case 'cpus': return <CpusPage {...props} />;
    case 'memory': return <MemoryPage {...props} />;
    case 'boot': return <BootPage {...props} />;
  }
}

/** Says why a button is disabled (a tooltip, made only while it is: tooltips cost a popper each). */
function Blocked({ note, children }: { note: string | undefined; children: React.ReactElement }): React.JSX.Element {
  return note === undefined ? children : <Tooltip content={note}>{children}</Tooltip>;
}

/** Asked before the tab or its page is left with unapplied changes: apply them, give them up, or stay. */
function UnappliedDialog({ name, onApply, onDiscard, onStay }: { name: string; onApply: () => void; onDiscard: () => void; onStay: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal isOpen variant="small" onClose={onStay} aria-labelledby="unapplied-title" aria-describedby="unapplied-body" elementToFocus="#unapplied-apply">
      <ModalHeader title={t('vmdetails.unapplied.title', { name })} labelId="unapplied-title" titleIconVariant="warning" titleScreenReaderText={t('common.warning')} />
      <ModalBody id="unapplied-body">{t('vmdetails.unapplied.message')}</ModalBody>
      <ModalFooter>
        <Button id="unapplied-apply" variant="primary" onClick={onApply}>{t('vmdetails.apply')}</Button>
        <Button variant="danger" onClick={onDiscard}>{t('vmdetails.unapplied.discard')}</Button>
        <Button variant="link" onClick={onStay}>{t('vmdetails.unapplied.stay')}</Button>
      </ModalFooter>
    </Modal>
  );
}

/** The XML tab of the page shown: the whole definition for Overview, the section's elements, or the device. */
function PageXml({ editor, item, device, label, onItem }: {
  editor: VmEditor;
  item: ItemKey;
  device: XmlElement | undefined;
  label: string;
  /** The device's key changed with the edit (a new MAC, target…): the list follows it. */
  onItem: (item: ItemKey) => void;
}): React.JSX.Element {
  const typed = editor.xmlEdit(item);
  const draft = editor.draft;
  if (draft === undefined) return <Spinner size="lg" />;
  const section = isDeviceItem(item) ? undefined : (SECTION_ELEMENTS[item] === undefined ? 'overview' : item);
  const value = typed?.text ?? (section === 'overview' ? (editor.draftXml ?? '') : section !== undefined ? sectionXml(draft, section) : (elementXml(device) ?? ''));
  // libvirt's refusal points at a line of the whole definition: shown on the whole definition's tab.
  const applied = section === 'overview' && editor.applyError?.line !== undefined ? editor.applyError : undefined;
  return (
    <XmlTab value={value} label={label} error={typed?.error ?? applied}
      onChange={(text) => {
        const next = editor.editXml(section === 'overview' ? 'overview' : item, text);
        if (next !== item && section !== 'overview') onItem(next);
      }} />
  );
}


/**
 * The VM's Details: the hardware list on the left (its pages, then every device), the page chosen on the right with
 * its XML, Apply and Revert below. Pages edit one working copy of the persistent definition; Apply defines it only
 * if the host's definition is still the one it started from, then changes the running VM where libvirt can.
 */
export function DetailsPage({ connection, uuid, domain }: VmPageProps): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const notifications = useNotifications();
  const prefs = usePreferences();
  const pools = usePools(connection);
  const editor = useVmEditor(connection, uuid, domain);
  const running = isRunning(domain);
  const vmKey = `${connection}\n${uuid}`;
  const [selected, setSelected] = useState<ItemKey>(() => lastSelected.get(vmKey) ?? 'overview');
  const [view, setView] = useState<'details' | 'xml'>('details');
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<DeviceItem | undefined>(undefined);
  const [leaving, setLeaving] = useState<((ok: boolean) => void) | undefined>(undefined);
  const [showDiff, setShowDiff] = useState(false);
  const select = useCallback((item: ItemKey) => {
    lastSelected.set(vmKey, item);
    setSelected(item);
  }, [vmKey]);

  // The Overview's addresses are asked for at once, beside the definitions.
  useEffect(() => {
    if (running) guestAddresses(api, connection, uuid, domain.id, 'lease').catch(() => undefined);
  }, [api, connection, uuid, running, domain.id]);

  const { draft, version } = editor;
  const dirty = editor.dirty;
  // Device entries, rebuilt when the draft changes (keys follow identities, views stay per element).
  const devices = useMemo<DeviceItem[]>(() => {
    const counts = new Map<string, number>();
    return editor.devices().map(({ key, element }) => {
      const n = counts.get(element.name) ?? 0;
      counts.set(element.name, n + 1);
      const device = viewOf(element, `devices.${element.name}[${n}]`);
      const entry = devicePageFor(device);
      return { key: deviceItem(key), label: entry?.label(device, t) ?? t('vmdetails.list.device', { kind: element.name }), icon: entry?.icon ?? UNKNOWN_DEVICE_ICON, device };
    });
    // `version` stands for the draft's content, which changes in place.
  }, [editor, draft, version, t]);
  const items = useMemo<HardwareItem[]>(() => [
    ...SECTIONS.map((s) => ({ key: s, label: t(`vmdetails.section.${s}`), icon: SECTION_ICONS[s] })),
    ...devices,
  ], [devices, t]);
  const changed = useMemo(() => editor.changedItems(), [editor, version]);
  const pending = running ? editor.pending : NOTHING_PENDING;
  const current = items.find((i) => i.key === selected) ?? items[0];
  const item = current?.key ?? 'overview';
  const deviceEntry = isDeviceItem(item) ? devices.find((d) => d.key === item) : undefined;

  const onChange = useCallback(() => editor.edited(), [editor]);
  const onInvalid = useCallback((field: string, message: string | undefined) => editor.setInvalid(field, message), [editor]);
  const onAutostart = useCallback((on: boolean) => editor.setAutostart(on, domain.autostart), [editor, domain.autostart]);

  const apply = useCallback(async (): Promise<boolean> => {
    if (running && editor.renamed) {
      notifications.push({ variant: 'danger', title: t('vmdetails.overview.nameRunning') });
      return false;
    }
    const before = new Set(editor.pending);
    const outcome = await editor.apply(domain);
    if (outcome === 'applied' && running && [...editor.pending].some((p) => !before.has(p))) {
      notifications.push({ variant: 'info', title: t('vmdetails.appliedPending', { name: domain.name }) });
    }
    return outcome === 'applied' || outcome === 'nothing';
  }, [editor, domain, running, notifications, t]);

  // Leaving the tab (or its Details page) with unapplied changes asks first, per the preference.
  const askLeave = useCallback(() => new Promise<boolean>((resolve) => {
    if (!prefs.confirm.unappliedChanges) {
      editor.revert();
      resolve(true);
      return;
    }
    setLeaving(() => resolve);
  }), [editor, prefs.confirm.unappliedChanges]);
  useLeaveGuard(tabId({ kind: 'vm', connection, key: uuid }), dirty ? askLeave : undefined);
  useEffect(() => {
    if (!dirty) return;
    const hold = (e: BeforeUnloadEvent): void => e.preventDefault();
    addEventListener('beforeunload', hold);
    return () => removeEventListener('beforeunload', hold);
  }, [dirty]);

  const remove = async (target: DeviceItem, deleteVolume: boolean): Promise<void> => {
    setRemoving(undefined);
    const el = editor.device(target.key as `dev:${string}`);
    const liveEl = running ? editor.device(target.key as `dev:${string}`, 'live') : undefined;
    const volume = deleteVolume ? diskVolume(target.device, pools) : undefined;
    const ref = { connection, key: uuid };
    const failed = (e: unknown, title: string): void => notifications.push({ variant: 'danger', title, detail: e instanceof Error ? e.message : String(e) });
    try {
      if (liveEl !== undefined) {
        try {
          await api.call('domains.detachDevice', { ...ref, xml: elementXml(liveEl) ?? '', affect: { live: true, config: false } });
        } catch (e) {
          failed(e, t('vmdetails.remove.liveFailed', { name: target.label }));
        }
      }
      if (el !== undefined) await api.call('domains.detachDevice', { ...ref, xml: elementXml(el) ?? '', affect: { live: false, config: true } });
      if (volume !== undefined) {
        try {
          await api.call('storage.deleteVolume', { connection, pool: volume.pool.uuid, volume: volume.volume.name });
        } catch (e) {
          failed(e, t('vmdetails.remove.volumeFailed', { path: volume.volume.path }));
        }
      }
      select('overview');
    } catch (e) {
      failed(e, t('vmdetails.remove.failed', { name: target.label }));
    }
    await editor.load(domain);
  };

  if (draft === undefined) {
    return editor.loadError !== undefined
      ? <Alert variant="danger" isInline title={t('vmdetails.loadFailed')}>{editor.loadError}</Alert>
      : <Spinner size="lg" aria-label={t('common.loading')} />;
  }

  const sectionProps: SectionPageProps = {
    connection, uuid, domain, draft, running, onChange, onInvalid, onAutostart,
    autostart: editor.autostart ?? domain.autostart,
    ...(editor.live === undefined ? {} : { live: editor.live }),
  };
  const entry = deviceEntry === undefined ? undefined : devicePageFor(deviceEntry.device);
  const liveEl = deviceEntry === undefined ? undefined : editor.device(deviceEntry.key as `dev:${string}`, 'live');
  const liveView = liveEl === undefined ? undefined : deviceView(liveEl, deviceEntry?.device.element.name ?? 'device');
  const Page = entry?.page;
  const PageIcon = current?.icon ?? UNKNOWN_DEVICE_ICON;
  const errors = editor.errors;
  const canApply = dirty && editor.incoming === undefined && errors.length === 0 && !editor.applying;
  const blockedNote = dirty ? t('vmdetails.applyFirst') : undefined;

  let body: React.JSX.Element;
  if (!isDeviceItem(item)) {
    body = <SectionBody section={item} props={sectionProps} />;
  } else if (deviceEntry !== undefined && Page !== undefined) {
    body = (
      <Page connection={connection} uuid={uuid} draft={draft} device={deviceEntry.device} running={running}
        {...(liveView === undefined ? {} : { live: liveView })}
        onChange={(how) => {
          const el = deviceEntry.device.element;
          editor.edited(el, how);
          // An edit that changes what identifies the device (its MAC, its target) keeps it selected.
          const key = editor.keyOf(el);
          if (key !== undefined && deviceItem(key) !== item) select(deviceItem(key));
        }}
        onInvalid={(field, message) => editor.setInvalid(`${item}:${field}`, message)} />
    );
  } else {
    body = (
      <>
        <Alert variant="info" isInline isPlain title={t('vmdetails.unknownDevice', { kind: deviceEntry?.device.kind ?? '' })} className="vm-xml-note" />
        <XmlTab value={elementXml(deviceEntry?.device.element) ?? ''} label={current?.label ?? ''} readOnly onChange={() => undefined} />
      </>
    );
  }
  const hasXmlTab = item !== 'performance' && !(isDeviceItem(item) && Page === undefined);

  return (
    <div className="vm-details" data-dirty={dirty}>
      <HardwareList items={items} selected={item} changed={changed} pending={pending} onSelect={select} />
      <div className="vm-details-main">
        <div className="vm-details-page">
          {editor.loadError !== undefined && <Alert variant="danger" isInline title={t('vmdetails.loadFailed')}>{editor.loadError}</Alert>}
          {editor.incoming !== undefined && (
            <Alert variant="warning" isInline title={t('vmdetails.conflict.title')} className="vm-conflict"
              actionLinks={(
                <>
                  <AlertActionLink onClick={() => editor.reapply()}>{t('vmdetails.conflict.reapply')}</AlertActionLink>
                  <AlertActionLink onClick={() => editor.revert()}>{t('vmdetails.conflict.discard')}</AlertActionLink>
                </>
              )}>
              <p>{t('vmdetails.conflict.message')}</p>
              <XmlDiff before={editor.base ?? ''} after={editor.incoming} label={t('vmdetails.conflict.diff')} />
            </Alert>
          )}
          {editor.conflicts.length > 0 && (
            <Alert variant="warning" isInline isPlain title={t('vmdetails.conflict.both', { parts: editor.conflicts.join(', ') })} className="vm-both-changed" />
          )}
          {editor.applyError !== undefined && (
            <Alert variant="danger" isInline title={t('vmdetails.applyFailed')} className="vm-apply-error"
              actionLinks={editor.applyError.line === undefined ? undefined : (
                <AlertActionLink onClick={() => {
                  select('overview');
                  setView('xml');
                }}>{t('vmdetails.showLine', { line: editor.applyError.line })}</AlertActionLink>
              )}>
              <pre className="vm-error-text" translate="no">{editor.applyError.message}</pre>
            </Alert>
          )}
          <div className="vm-page-head">
            <PageIcon />
            <Title headingLevel="h3">{current?.label}</Title>
          </div>
          {pending.has(item) && <Alert variant="info" isInline isPlain title={t('vmdetails.pendingPage')} className="vm-pending-note" />}
          {hasXmlTab
            ? (
              <PageTabs label={t('vmdetails.views')} active={view} onSelect={(k) => setView(k === 'xml' ? 'xml' : 'details')} tabs={[
                { key: 'details', title: t('vmdetails.detailsTab'), body },
                {
                  key: 'xml', title: t('vm.xml'),
                  body: <PageXml editor={editor} item={item} device={deviceEntry?.device.element} label={t('vmdetails.xml.of', { name: current?.label ?? '' })} onItem={select} />,
                },
              ]} />
            )
            : body}
        </div>
        {dirty && errors.length > 0 && (
          <HelperText className="vm-blocked">
            <HelperTextItem variant="error">{t('vmdetails.fixFirst', { errors: [...new Set(errors)].join(' ') })}</HelperTextItem>
          </HelperText>
        )}
        {dirty && (
          <ExpandableSection className="vm-review" toggleText={t('vmdetails.review')} isExpanded={showDiff} onToggle={(_e, on) => setShowDiff(on)}>
            {showDiff && <XmlDiff before={editor.base ?? ''} after={editor.draftXml ?? ''} label={t('vmdetails.reviewLabel')} />}
          </ExpandableSection>
        )}
        <ActionList className="vm-details-actions">
          <ActionListGroup>
            <ActionListItem>
              <Blocked note={blockedNote}>
                <Button variant="secondary" isAriaDisabled={dirty} onClick={() => setAdding(true)}>{t('vm.addHardware')}</Button>
              </Blocked>
            </ActionListItem>
            {deviceEntry !== undefined && (
              <ActionListItem>
                <Blocked note={blockedNote}>
                  <Button variant="secondary" isDanger isAriaDisabled={dirty} onClick={() => {
                    if (prefs.confirm.removeDevice || diskVolume(deviceEntry.device, pools) !== undefined) setRemoving(deviceEntry);
                    else void remove(deviceEntry, false);
                  }}>{t('vmdetails.remove.button')}</Button>
                </Blocked>
              </ActionListItem>
            )}
          </ActionListGroup>
          <ActionListGroup>
            <ActionListItem>
              <Button variant="link" isDisabled={!dirty || editor.applying} onClick={() => editor.revert()}>{t('vmdetails.revert')}</Button>
            </ActionListItem>
            <ActionListItem>
              <Button variant="primary" isDisabled={!canApply} isLoading={editor.applying || undefined} onClick={() => void apply()}>{t('vmdetails.apply')}</Button>
            </ActionListItem>
          </ActionListGroup>
        </ActionList>
      </div>
      {adding && (
        <AddHardwareWizard connection={connection} uuid={uuid} running={running} onClose={() => {
          setAdding(false);
          void editor.load(domain);
        }} />
      )}
      {removing !== undefined && (
        <RemoveDeviceDialog label={removing.label} running={running} volume={diskVolume(removing.device, pools)}
          onConfirm={(deleteVolume) => void remove(removing, deleteVolume)} onCancel={() => setRemoving(undefined)} />
      )}
      {leaving !== undefined && (
        <UnappliedDialog name={domain.name}
          onApply={() => {
            setLeaving(undefined);
            void apply().then((ok) => leaving(ok));
          }}
          onDiscard={() => {
            setLeaving(undefined);
            editor.revert();
            leaving(true);
          }}
          onStay={() => {
            setLeaving(undefined);
            leaving(false);
          }} />
      )}
    </div>
  );
}
