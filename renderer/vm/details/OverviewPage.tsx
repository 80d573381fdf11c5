import {
  Button, FormGroup, FormHelperText, HelperText, HelperTextItem, List, ListItem, Spinner, TextArea, ToggleGroup, ToggleGroupItem,
} from '@patternfly/react-core';
import SyncAltIcon from '@patternfly/react-icons/dist/esm/icons/sync-alt-icon';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestInterface } from '../../../main/api/contract/index.js';
import { stateKey } from '../../manager/domain-state.js';
import type { ApiPort } from '../../state/api-port.js';
import { useApi } from '../../state/hooks.js';
import { DeviceForm } from '../devices/parts/DevicePageForm.js';
import { ChoiceField, InfoField, TextField, type Choice } from '../devices/parts/FormParts.js';
import { useDomainCaps } from '../devices/parts/use-domain-caps.js';
import { chipsetOf, setChipset, type Chipset } from './chipset.js';
import { editField, type SectionPageProps } from './section-page.js';
import { useHostCaps } from './use-host-caps.js';

type AddressSource = 'lease' | 'agent' | 'arp';

// A running VM's addresses per source, asked once per run (and again when the user asks): the Details page starts
// the DHCP lease lookup as it opens, beside reading the definition, so the Overview is complete sooner.
const asked = new Map<string, { readonly promise: Promise<readonly GuestInterface[]>; answer?: readonly GuestInterface[] }>();
const addressKey = (connection: string, uuid: string, runId: number, source: AddressSource): string => `${connection}\n${uuid}\n${runId}\n${source}`;

export function guestAddresses(api: ApiPort, connection: string, uuid: string, runId: number, source: AddressSource, again = false): Promise<readonly GuestInterface[]> {
  const key = addressKey(connection, uuid, runId, source);
  let entry = asked.get(key);
  if (entry === undefined || again) {
    const promise = api.call('domains.interfaceAddresses', { connection, key: uuid, source });
    const made: { promise: Promise<readonly GuestInterface[]>; answer?: readonly GuestInterface[] } = { promise };
    // A refusal (no guest agent, say) is said when shown; the next look asks again.
    promise.then((answer) => {
      made.answer = answer;
    }, () => asked.delete(key));
    entry = made;
    asked.set(key, entry);
  }
  return entry.promise;
}

/** The running VM's addresses from one source (DHCP leases, the guest agent, the host's ARP table). */
function GuestAddresses({ connection, uuid, runId }: { connection: string; uuid: string; runId: number }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [source, setSource] = useState<AddressSource>('lease');
  const [again, setAgain] = useState(0);
  // Shown at once when the page's early lookup has already answered.
  const known = asked.get(addressKey(connection, uuid, runId, source))?.answer;
  const [found, setFound] = useState<{ ifaces?: readonly GuestInterface[]; error?: string }>(known === undefined ? {} : { ifaces: known });
  useEffect(() => {
    let live = true;
    if (asked.get(addressKey(connection, uuid, runId, source))?.answer === undefined || again > 0) setFound({});
    guestAddresses(api, connection, uuid, runId, source, again > 0).then(
      (ifaces) => live && setFound({ ifaces }),
      (e: unknown) => live && setFound({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [api, connection, uuid, source, runId, again]);
  const lines = (found.ifaces ?? []).flatMap((i) => i.addresses.map((a) => ({ key: `${i.name}/${a.address}`, iface: i, a })));
  return (
    <FormGroup label={t('vmdetails.overview.addresses')} fieldId="vm-addresses" role="group">
      <ToggleGroup isCompact aria-label={t('vmdetails.overview.addressSource')} className="vm-address-source">
        {(['lease', 'agent', 'arp'] as const).map((s) => (
          <ToggleGroupItem key={s} text={t(`vmdetails.overview.source.${s}`)} buttonId={`vm-address-${s}`} isSelected={source === s}
            onChange={() => setSource(s)} />
        ))}
        <Button variant="plain" aria-label={t('vmdetails.overview.refreshAddresses')} icon={<SyncAltIcon />} onClick={() => setAgain((n) => n + 1)} />
      </ToggleGroup>
      <div id="vm-addresses" className="vm-addresses">
        {found.ifaces === undefined && found.error === undefined && <Spinner size="md" aria-label={t('common.loading')} />}
        {found.error !== undefined && <HelperText><HelperTextItem variant="warning">{found.error}</HelperTextItem></HelperText>}
        {found.ifaces !== undefined && lines.length === 0 && <span>{t('vmdetails.overview.noAddresses')}</span>}
        {lines.length > 0 && (
          <List isPlain>
            {lines.map(({ key, iface, a }) => (
              <ListItem key={key} translate="no">{`${a.address}/${a.prefix}`} <span className="vm-muted">{`${iface.name}${iface.mac ? ` ${iface.mac}` : ''}`}</span></ListItem>
            ))}
          </List>
        )}
      </div>
    </FormGroup>
  );
}

/**
 * Machine type, chipset and firmware: editable while the VM is shut off, with the choices the host's capabilities and
 * domain capabilities give (read only here, so that a running VM's Overview asks for neither).
 */
function MachineFields(props: SectionPageProps): React.JSX.Element {
  const { t } = useTranslation();
  const { connection, draft } = props;
  const hostCaps = useHostCaps(connection);
  const caps = useDomainCaps(connection, draft);
  const os = draft.os;
  const arch = os?.arch;
  const machine = os?.machine;
  const dash = t('common.none');
  const x86 = arch === 'x86_64' || arch === 'i686';
  const chipset = x86 ? chipsetOf(machine) : undefined;

  // Machine types the host offers for this architecture and hypervisor (the domain type's own list when it has one).
  const guest = arch === undefined ? undefined : hostCaps?.findGuest(os?.type ?? 'hvm', arch, draft.type) ?? hostCaps?.findGuest(os?.type ?? 'hvm', arch);
  const typed = guest?.domainTypes.find((d) => d.type === draft.type);
  const machines = (typed !== undefined && typed.machines.length > 0 ? typed.machines : guest?.machines) ?? [];
  const machineChoices: Choice[] = machines.map((m) => ({ value: m.name, label: m.canonical ? `${m.name} (${m.canonical})` : m.name }));

  const firmwareNow = os?.loader !== undefined ? 'custom' : (os?.firmware ?? 'bios');
  const firmwares = caps?.firmwares ?? [];
  const firmwareChoices: Choice[] = [
    { value: 'bios', label: t('vmdetails.overview.firmwareBios') },
    ...(firmwares.includes('efi') || firmwareNow === 'efi' ? [{ value: 'efi', label: t('vmdetails.overview.firmwareUefi') }] : []),
    ...(firmwareNow === 'custom' ? [{ value: 'custom', label: t('vmdetails.overview.firmwareCustom', { path: os?.loader?.path ?? '' }) }] : []),
  ];

  return (
    <>
      {machineChoices.length === 0
        ? <InfoField id="vm-machine" label={t('vmdetails.overview.machine')} value={<span translate="no">{machine ?? dash}</span>} />
        : (
          <ChoiceField id="vm-machine" label={t('vmdetails.overview.machine')} value={machine ?? ''} choices={machineChoices}
            onChange={(v) => editField(props, 'os.machine', () => {
              draft.ensureOs().machine = v;
            })} />
        )}
      {chipset !== undefined && (
        <ChoiceField id="vm-chipset" label={t('vmdetails.overview.chipset')} value={chipset}
          choices={(['i440fx', 'q35'] as const).map((c) => ({ value: c, label: t(`vmdetails.overview.chipsets.${c}`) }))}
          help={t('vmdetails.overview.chipsetHelp')}
          onChange={(v) => editField(props, 'os.machine', () => setChipset(draft, v as Chipset))} />
      )}
      <ChoiceField id="vm-firmware" label={t('vmdetails.overview.firmware')} value={firmwareNow} choices={firmwareChoices}
        help={firmwares.includes('efi') ? undefined : t('vmdetails.overview.noUefi')}
        onChange={(v) => editField(props, 'os.firmware', () => {
          const o = draft.ensureOs();
          if (v === 'custom') return;
          o.loader = undefined;
          o.nvram = undefined;
          o.firmware = v === 'efi' ? 'efi' : undefined;
        })} />
    </>
  );
}

/** Overview: name, title and description; what the VM is (state, UUID, hypervisor…); machine and firmware while it is off. */
export function OverviewPage(props: SectionPageProps): React.JSX.Element {
  const { t } = useTranslation();
  const { connection, uuid, domain, draft, running } = props;
  const os = draft.os;
  const live = props.live?.os;
  const dash = t('common.none');
  const chipset = os?.arch === 'x86_64' || os?.arch === 'i686' ? chipsetOf(live?.machine ?? os.machine) : undefined;
  const firmware = os?.loader !== undefined ? t('vmdetails.overview.firmwareCustom', { path: os.loader.path ?? '' })
    : os?.firmware === 'efi' ? t('vmdetails.overview.firmwareUefi') : t('vmdetails.overview.firmwareBios');
  return (
    <DeviceForm id="vm-overview">
      <TextField id="vm-name" label={t('vm.name')} value={draft.name} isDisabled={running} isRequired
        help={running ? t('vmdetails.overview.nameRunning') : t('vmdetails.overview.nameHelp')}
        commit={(text) => editField(props, 'name', () => {
          draft.name = text;
        })} />
      <TextField id="vm-title" label={t('vm.title')} value={draft.title ?? ''} help={t('vmdetails.overview.titleHelp')}
        commit={(text) => editField(props, 'title', () => {
          draft.title = text;
        })} />
      <FormGroup label={t('vm.description')} fieldId="vm-description">
        <TextArea id="vm-description" value={draft.description ?? ''} resizeOrientation="vertical" rows={3}
          onChange={(_e, text) => {
            editField(props, 'description', () => {
              draft.description = text;
            });
          }} />
      </FormGroup>
      <InfoField id="vm-state" label={t('vm.state')} value={t(`state.${stateKey(domain.state)}`)} />
      <InfoField id="vm-uuid" label={t('vm.uuid')} value={<span translate="no">{draft.uuid ?? domain.uuid}</span>} />
      <InfoField id="vm-hypervisor" label={t('vmdetails.overview.hypervisor')} value={<span translate="no">{draft.type}</span>} />
      <InfoField id="vm-arch" label={t('vmdetails.overview.arch')} value={<span translate="no">{os?.arch ?? dash}</span>} />
      <InfoField id="vm-emulator" label={t('vmdetails.overview.emulator')} value={<span translate="no">{draft.emulator ?? dash}</span>} />
      {running
        ? (
          <>
            <InfoField id="vm-machine" label={t('vmdetails.overview.machine')} value={<span translate="no">{live?.machine ?? os?.machine ?? dash}</span>} />
            {chipset !== undefined && <InfoField id="vm-chipset" label={t('vmdetails.overview.chipset')} value={t(`vmdetails.overview.chipsets.${chipset}`)} />}
            <InfoField id="vm-firmware" label={t('vmdetails.overview.firmware')} value={firmware} />
          </>
        )
        : <MachineFields {...props} />}
      {running && <GuestAddresses connection={connection} uuid={uuid} runId={domain.id} />}
      {!running && (
        <FormGroup fieldId="vm-offline-note">
          <FormHelperText><HelperText><HelperTextItem>{t('vmdetails.overview.offlineEditable')}</HelperTextItem></HelperText></FormHelperText>
        </FormGroup>
      )}
    </DeviceForm>
  );
}
