import {
  Alert, Bullseye, Button, Flex, FlexItem, Menu, MenuContent, MenuItem, MenuList, Modal, ModalBody, ModalFooter, ModalHeader, Spinner,
} from '@patternfly/react-core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CharDevice, ControllerDevice, deviceView, DiskDevice, FilesystemDevice, GraphicsDevice, HostdevDevice, InputDevice,
  InterfaceDevice, MemballoonDevice, PanicDevice, parseDomain, RedirdevDevice, RngDevice, SmartcardDevice, SoundDevice, TpmDevice,
  VideoDevice, VsockDevice, WatchdogDevice, type DomainDevice, type DomainXml,
} from '../../../drivers/xml/index.js';
import type { NodeDeviceSummary } from '../../../main/api/contract/index.js';
import { useApi, useNetworks, useNodeDevices } from '../../state/hooks.js';
import { CharFields } from '../../vm/devices/CharPage.js';
import { ControllerFields } from '../../vm/devices/ControllerPage.js';
import { DiskFields } from '../../vm/devices/DiskPage.js';
import { FilesystemFields } from '../../vm/devices/FilesystemPage.js';
import { GraphicsFields } from '../../vm/devices/GraphicsPage.js';
import { HostdevFields } from '../../vm/devices/HostdevPage.js';
import { InputFields } from '../../vm/devices/InputPage.js';
import { MemballoonFields } from '../../vm/devices/MemballoonPage.js';
import { NicFields } from '../../vm/devices/NicPage.js';
import { PanicFields } from '../../vm/devices/PanicPage.js';
import { DeviceForm } from '../../vm/devices/parts/DevicePageForm.js';
import { runEdit, type FieldContext } from '../../vm/devices/parts/field-context.js';
import { useDomainCaps } from '../../vm/devices/parts/use-domain-caps.js';
import { RedirdevFields } from '../../vm/devices/RedirdevPage.js';
import { RngFields } from '../../vm/devices/RngPage.js';
import { SmartcardFields } from '../../vm/devices/SmartcardPage.js';
import { SoundFields } from '../../vm/devices/SoundPage.js';
import { TpmFields } from '../../vm/devices/TpmPage.js';
import { VideoFields } from '../../vm/devices/VideoPage.js';
import { VsockFields } from '../../vm/devices/VsockPage.js';
import { WatchdogFields } from '../../vm/devices/WatchdogPage.js';
import { addDevice, configOnlyReason, type AddOutcome } from './add-device.js';
import { hardwareKinds, hostdevFromNodeDevice, hostDevicesOf, newDevice, unavailable, type HardwareKind } from './hardware-kinds.js';
import { HostdevPicker } from './HostdevPicker.js';

/** What the VM's Details page gives the Add Hardware wizard. */
export interface AddHardwareProps {
  readonly connection: string;
  readonly uuid: string;
  /** The VM runs: the new device is hot-plugged where libvirt can, else added to the definition (and the user told which). */
  readonly running: boolean;
  readonly onClose: () => void;
}

/** The kind's fields, the same form parts as its device page. */
function KindFields({ device, ctx }: { device: DomainDevice; ctx: FieldContext }): React.JSX.Element | null {
  if (device instanceof DiskDevice) return <DiskFields device={device} ctx={ctx} />;
  if (device instanceof InterfaceDevice) return <NicFields device={device} ctx={ctx} />;
  if (device instanceof ControllerDevice) return <ControllerFields device={device} ctx={ctx} />;
  if (device instanceof InputDevice) return <InputFields device={device} ctx={ctx} />;
  if (device instanceof GraphicsDevice) return <GraphicsFields device={device} ctx={ctx} />;
  if (device instanceof SoundDevice) return <SoundFields device={device} ctx={ctx} />;
  if (device instanceof CharDevice) return <CharFields device={device} ctx={ctx} />;
  if (device instanceof HostdevDevice) return <HostdevFields device={device} ctx={ctx} />;
  if (device instanceof VideoDevice) return <VideoFields device={device} ctx={ctx} />;
  if (device instanceof WatchdogDevice) return <WatchdogFields device={device} ctx={ctx} />;
  if (device instanceof FilesystemDevice) return <FilesystemFields device={device} ctx={ctx} />;
  if (device instanceof SmartcardDevice) return <SmartcardFields device={device} ctx={ctx} />;
  if (device instanceof RedirdevDevice) return <RedirdevFields device={device} ctx={ctx} />;
  if (device instanceof TpmDevice) return <TpmFields device={device} ctx={ctx} />;
  if (device instanceof RngDevice) return <RngFields device={device} ctx={ctx} />;
  if (device instanceof PanicDevice) return <PanicFields device={device} ctx={ctx} />;
  if (device instanceof VsockDevice) return <VsockFields device={device} ctx={ctx} />;
  if (device instanceof MemballoonDevice) return <MemballoonFields device={device} ctx={ctx} />;
  return null;
}

/** What a new device still lacks before it can be added (an i18n key), or undefined. */
function missing(device: DomainDevice): string | undefined {
  if (device instanceof DiskDevice && (device.device === 'disk' || device.device === 'lun') && device.source === undefined) return 'vmdevices.addhw.needSource';
  if (device instanceof FilesystemDevice && (device.sourceDir ?? '') === '') return 'vmdevices.addhw.needFolder';
  return undefined;
}

/** Add Hardware: a kind from the list, its fields with defaults, then hot-plugged or added to the definition. */
export function AddHardwareWizard({ connection, uuid, running, onClose }: AddHardwareProps): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [base, setBase] = useState<{ xml: string; domain: DomainXml } | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.call('domains.xml', { connection, key: uuid, inactive: true, secure: false })
      .then((r) => {
        if (live) setBase({ xml: r.xml, domain: parseDomain(r.xml) });
      })
      .catch((e: unknown) => {
        if (live) setLoadError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [api, connection, uuid]);
  return (
    <Modal isOpen onClose={onClose} variant="large" aria-labelledby="addhw-title" id="add-hardware">
      <ModalHeader title={t('vmdevices.addhw.title')} labelId="addhw-title" />
      {base === undefined
        ? (
          <ModalBody>
            {loadError === undefined ? <Bullseye><Spinner aria-label={t('vmdevices.addhw.loading')} /></Bullseye> : <Alert variant="danger" isInline title={loadError} />}
          </ModalBody>
        )
        : <AddHardwareBody connection={connection} uuid={uuid} running={running} onClose={onClose} base={base} />}
    </Modal>
  );
}

function AddHardwareBody({ connection, uuid, running, onClose, base }: AddHardwareProps & { base: { xml: string; domain: DomainXml } }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  // A working copy: enabling shared memory for virtiofs edits it, and then the definition is redefined with the device.
  const domain = useMemo(() => parseDomain(base.xml), [base.xml]);
  const caps = useDomainCaps(connection, domain);
  const networks = useNetworks(connection);
  const nodedevs = useNodeDevices(connection);
  const [kind, setKind] = useState<HardwareKind>('storage');
  const [device, setDevice] = useState<DomainDevice | undefined>(undefined);
  const [hostPick, setHostPick] = useState('');
  const [, setRev] = useState(0);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<AddOutcome | undefined>(undefined);
  // The running VM's live definition: whether it has the virtio-serial controller a console or channel needs live.
  const [live, setLive] = useState<DomainXml | undefined>(undefined);
  useEffect(() => {
    if (!running) return;
    let on = true;
    api.call('domains.xml', { connection, key: uuid, inactive: false, secure: false })
      .then((r) => { if (on) setLive(parseDomain(r.xml)); })
      .catch(() => undefined);
    return () => {
      on = false;
    };
  }, [api, connection, uuid, running]);

  const choose = (k: HardwareKind, pick?: NodeDeviceSummary): void => {
    setKind(k);
    setErrors({});
    setFailure(undefined);
    if (k === 'usbHost' || k === 'pciHost') {
      const n = pick ?? hostDevicesOf(k, nodedevs)[0];
      setHostPick(n?.name ?? '');
      setDevice(n === undefined ? undefined : deviceView(hostdevFromNodeDevice(k, n), 'new'));
      return;
    }
    setDevice(deviceView(newDevice(k, domain, caps, networks), 'new'));
  };
  // The first kind's device once the host's lists are in (defaults depend on them), and again when the capabilities arrive.
  useEffect(() => {
    if (outcome === undefined) choose(kind);
  }, [caps]);

  const ctx: FieldContext = {
    connection,
    domain,
    caps,
    running,
    isNew: true,
    apply(field, _how, edit) {
      const error = runEdit(edit);
      setErrors((e) => {
        const next = { ...e };
        if (error === undefined) delete next[field];
        else next[field] = error;
        return next;
      });
      setRev((r) => r + 1);
      return error;
    },
  };

  const blocked = unavailable(kind, base.domain, caps, nodedevs);
  const planned = device === undefined ? undefined : configOnlyReason({ running, kind, device: device.element, base, working: domain }, live);
  const lacking = device === undefined ? undefined : missing(device);
  const canFinish = device !== undefined && blocked === undefined && lacking === undefined && Object.keys(errors).length === 0 && !busy;

  const finish = async (): Promise<void> => {
    if (device === undefined) return;
    setBusy(true);
    setFailure(undefined);
    try {
      setOutcome(await addDevice(api, { connection, uuid, running, kind, device: device.element, base, working: domain }));
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (outcome !== undefined) {
    return (
      <>
        <ModalBody>
          <Alert id="addhw-outcome" isInline variant={outcome.how === 'live' ? 'success' : 'info'}
            title={outcome.how === 'live' ? t('vmdevices.addhw.hotplugged') : running ? t('vmdevices.addhw.nextBoot') : t('vmdevices.addhw.defined')}>
            {outcome.how === 'config' && outcome.why !== undefined && (
              <>
                <p id="addhw-outcome-why">{t(`vmdevices.addhw.why.${outcome.why}`)}</p>
                {outcome.message !== undefined && <p id="addhw-outcome-message">{outcome.message}</p>}
                {outcome.hint !== undefined && <p id="addhw-outcome-hint">{t(`vmdevices.addhw.hint.${outcome.hint}`)}</p>}
              </>
            )}
          </Alert>
        </ModalBody>
        <ModalFooter>
          <Button variant="primary" onClick={onClose} id="addhw-close">{t('vmdevices.addhw.close')}</Button>
        </ModalFooter>
      </>
    );
  }

  return (
    <>
      <ModalBody>
        <Flex flexWrap={{ default: 'nowrap' }} alignItems={{ default: 'alignItemsFlexStart' }}>
          <FlexItem className="hangar-addhw-kinds">
            <Menu id="addhw-kinds" activeItemId={kind} onSelect={(_e, v) => {
              if (typeof v === 'string') choose(v as HardwareKind);
            }} isPlain>
              <MenuContent>
                <MenuList aria-label={t('vmdevices.addhw.kinds')}>
                  {hardwareKinds.map((k) => {
                    const why = unavailable(k, base.domain, caps, nodedevs);
                    return (
                      <MenuItem key={k} itemId={k} isSelected={k === kind} id={`addhw-kind-${k}`} isAriaDisabled={why !== undefined}
                        description={why === undefined ? undefined : t(`vmdevices.addhw.reason.${why.reason}`, why.values)}>
                        {t(`vmdevices.addhw.kind.${k}`)}
                      </MenuItem>
                    );
                  })}
                </MenuList>
              </MenuContent>
            </Menu>
          </FlexItem>
          <FlexItem flex={{ default: 'flex_1' }}>
            {blocked !== undefined
              ? <Alert isInline variant="info" title={t(`vmdevices.addhw.reason.${blocked.reason}`, blocked.values)} id="addhw-blocked" />
              : (
                <DeviceForm id="addhw-fields">
                  {(kind === 'usbHost' || kind === 'pciHost') && (
                    <HostdevPicker devices={hostDevicesOf(kind, nodedevs)} chosen={hostPick} onChoose={(n) => choose(kind, n)} />
                  )}
                  {device !== undefined && <KindFields key={`${kind}-${hostPick}`} device={device} ctx={ctx} />}
                  <Alert isInline isPlain variant={running && planned === undefined ? 'info' : 'custom'} id="addhw-how"
                    title={!running ? t('vmdevices.addhw.willAdd') : planned === undefined ? t('vmdevices.addhw.willHotplug') : t('vmdevices.addhw.willDefine')}>
                    {running && (planned?.why === 'sharedMemory' || planned?.why === 'noVirtioSerial') ? t(`vmdevices.addhw.why.${planned.why}`) : null}
                  </Alert>
                </DeviceForm>
              )}
            {failure !== undefined && <Alert isInline variant="danger" title={t('vmdevices.addhw.failed')} id="addhw-failure">{failure}</Alert>}
          </FlexItem>
        </Flex>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" id="addhw-finish" isDisabled={!canFinish} isLoading={busy} onClick={() => void finish()}>
          {t('vmdevices.addhw.finish')}
        </Button>
        <Button variant="link" onClick={onClose}>{t('vmdevices.addhw.cancel')}</Button>
        {lacking !== undefined && <span className="hangar-addhw-lacking">{t(lacking)}</span>}
      </ModalFooter>
    </>
  );
}
