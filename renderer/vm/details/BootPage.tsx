import {
  Button, Checkbox, DataList, DataListAction, DataListCell, DataListCheck, DataListItem, DataListItemCells, DataListItemRow, FormGroup, FormSection,
  Switch,
} from '@patternfly/react-core';
import ArrowDownIcon from '@patternfly/react-icons/dist/esm/icons/arrow-down-icon';
import ArrowUpIcon from '@patternfly/react-icons/dist/esm/icons/arrow-up-icon';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { bootDevices, type BootDevice, type DomainDevice, type DomainXml } from '../../../drivers/xml/index.js';
import { DeviceForm } from '../devices/parts/DevicePageForm.js';
import { TextField } from '../devices/parts/FormParts.js';
import { devicePageFor } from '../devices/registry.js';
import { editField, type SectionPageProps } from './section-page.js';

/** Devices a boot order can name (libvirt's per-device <boot order>): disks, NICs, host devices, USB redirection. */
const BOOTABLE = new Set(['disk', 'interface', 'hostdev', 'redirdev']);

interface Entry {
  readonly id: string;
  readonly label: string;
  readonly enabled: boolean;
}

/** The entries in boot order: enabled ones first, in their order; then the others as they stand. */
function legacyEntries(dom: DomainXml, label: (d: BootDevice) => string): Entry[] {
  const order = (dom.os?.bootOrder ?? []).filter((d): d is BootDevice => (bootDevices as readonly string[]).includes(d));
  return [...order, ...bootDevices.filter((d) => !order.includes(d))].map((d) => ({ id: d, label: label(d), enabled: order.includes(d) }));
}

function deviceEntries(devices: readonly DomainDevice[], label: (d: DomainDevice) => string): Entry[] {
  const bootable = devices.map((d, i) => ({ d, id: String(i) })).filter(({ d }) => BOOTABLE.has(d.kind));
  const on = bootable.filter(({ d }) => d.bootOrder !== undefined).sort((a, b) => (a.d.bootOrder ?? 0) - (b.d.bootOrder ?? 0));
  const off = bootable.filter(({ d }) => d.bootOrder === undefined);
  return [...on, ...off].map(({ d, id }) => ({ id, label: label(d), enabled: d.bootOrder !== undefined }));
}

/** Boot options: autostart, the boot menu, the boot order (by device, or by kind of device as older VMs have it), direct kernel boot. */
export function BootPage(props: SectionPageProps): React.JSX.Element {
  const { t } = useTranslation();
  const { draft, autostart } = props;
  const os = draft.os;
  const devices = draft.devices;
  // libvirt takes one or the other: <os><boot dev=…> (legacy), or <boot order=…> inside devices.
  const legacy = (os?.bootOrder.length ?? 0) > 0 && !devices.some((d) => d.bootOrder !== undefined);
  const label = (d: DomainDevice): string => devicePageFor(d)?.label(d, t) ?? d.kind;
  const entries = legacy
    ? legacyEntries(draft, (d) => t(`vmdetails.boot.legacy.${d}`))
    : deviceEntries(devices, label);

  const write = (next: readonly Entry[]): void => {
    editField(props, 'boot', () => {
      if (legacy) {
        draft.ensureOs().bootOrder = next.filter((e) => e.enabled).map((e) => e.id as BootDevice);
        return;
      }
      let n = 1;
      const order = new Map(next.filter((e) => e.enabled).map((e) => [e.id, n++]));
      devices.forEach((d, i) => {
        if (!BOOTABLE.has(d.kind)) return;
        d.bootOrder = order.get(String(i));
      });
    });
  };
  const move = (i: number, by: -1 | 1): void => {
    const next = [...entries];
    const [e] = next.splice(i, 1);
    if (e === undefined) return;
    next.splice(i + by, 0, e);
    write(next);
  };
  /** From kinds of device to devices: each kind's first device takes that kind's place. */
  const toDevices = (): void => {
    editField(props, 'boot', () => {
      const kinds = legacyEntries(draft, (d) => d).filter((e) => e.enabled).map((e) => e.id);
      const firstOf = (kind: string): DomainDevice | undefined => devices.find((d) => {
        if (kind === 'network') return d.kind === 'interface';
        if (d.kind !== 'disk') return false;
        const dev = d.element.attr('device') ?? 'disk';
        return kind === 'hd' ? dev === 'disk' : kind === 'cdrom' ? dev === 'cdrom' : dev === 'floppy';
      });
      draft.ensureOs().bootOrder = [];
      let n = 1;
      for (const k of kinds) {
        const d = firstOf(k);
        if (d !== undefined) d.bootOrder = n++;
      }
    });
  };
  const menu = os?.bootMenu;
  const directBoot = os?.kernel !== undefined;
  // Direct kernel boot with no kernel named would not boot: Apply waits for a path.
  const kernelMissing = directBoot && (os?.kernel ?? '').trim() === '' ? t('vmdetails.boot.kernelRequired') : undefined;
  const { onInvalid } = props;
  useEffect(() => onInvalid('os.kernel.required', kernelMissing), [onInvalid, kernelMissing]);

  return (
    <DeviceForm id="vm-boot">
      <FormGroup fieldId="vm-autostart" label={t('vmdetails.boot.autostart')}>
        <Switch id="vm-autostart" label={t('vmdetails.boot.autostartLabel')} isChecked={autostart} onChange={(_e, on) => props.onAutostart(on)} />
      </FormGroup>
      <FormGroup fieldId="vm-bootmenu">
        <Checkbox id="vm-bootmenu" label={t('vmdetails.boot.menu')} isChecked={menu?.enable ?? false}
          onChange={(_e, on) => editField(props, 'os.bootmenu', () => {
            draft.ensureOs().bootMenu = on ? { enable: true, ...(menu?.timeout === undefined ? {} : { timeout: menu.timeout }) } : undefined;
          })} />
      </FormGroup>
      <FormSection title={t('vmdetails.boot.order')} titleElement="h4">
        <DataList aria-label={t('vmdetails.boot.order')} isCompact className="vm-boot-order">
          {entries.map((e, i) => (
            <DataListItem key={e.id} aria-labelledby={`vm-boot-${e.id}`}>
              <DataListItemRow>
                <DataListCheck id={`vm-boot-check-${e.id}`} aria-labelledby={`vm-boot-${e.id}`} isChecked={e.enabled}
                  onChange={(_e, on) => write(entries.map((x) => (x.id === e.id ? { ...x, enabled: on } : x)))} />
                <DataListItemCells dataListCells={[<DataListCell key="label"><span id={`vm-boot-${e.id}`} translate="no">{e.label}</span></DataListCell>]} />
                <DataListAction id={`vm-boot-actions-${e.id}`} aria-labelledby={`vm-boot-${e.id}`} aria-label={t('vmdetails.boot.moveOf', { name: e.label })}>
                  <Button variant="plain" icon={<ArrowUpIcon />} isDisabled={i === 0} aria-label={t('vmdetails.boot.up', { name: e.label })} onClick={() => move(i, -1)} />
                  <Button variant="plain" icon={<ArrowDownIcon />} isDisabled={i === entries.length - 1} aria-label={t('vmdetails.boot.down', { name: e.label })}
                    onClick={() => move(i, 1)} />
                </DataListAction>
              </DataListItemRow>
            </DataListItem>
          ))}
        </DataList>
        {legacy && <Button variant="link" isInline onClick={toDevices}>{t('vmdetails.boot.byDevice')}</Button>}
      </FormSection>
      <FormSection title={t('vmdetails.boot.direct')} titleElement="h4">
        <FormGroup fieldId="vm-direct-boot">
          <Checkbox id="vm-direct-boot" label={t('vmdetails.boot.directEnable')} isChecked={directBoot}
            onChange={(_e, on) => editField(props, 'os.kernel', () => {
              const o = draft.ensureOs();
              if (on) {
                o.kernel = '';
                return;
              }
              o.kernel = undefined;
              o.initrd = undefined;
              o.cmdline = undefined;
              o.dtb = undefined;
            })} />
        </FormGroup>
        {directBoot && (
          <>
            <TextField id="vm-kernel" label={t('vmdetails.boot.kernel')} value={os?.kernel ?? ''} placeholder="/var/lib/libvirt/boot/vmlinuz" isRequired
              help={kernelMissing}
              commit={(v) => editField(props, 'os.kernel', () => {
                draft.ensureOs().kernel = v;
              })} />
            <TextField id="vm-initrd" label={t('vmdetails.boot.initrd')} value={os?.initrd ?? ''}
              commit={(v) => editField(props, 'os.initrd', () => {
                draft.ensureOs().initrd = v === '' ? undefined : v;
              })} />
            <TextField id="vm-cmdline" label={t('vmdetails.boot.cmdline')} value={os?.cmdline ?? ''}
              commit={(v) => editField(props, 'os.cmdline', () => {
                draft.ensureOs().cmdline = v === '' ? undefined : v;
              })} />
            <TextField id="vm-dtb" label={t('vmdetails.boot.dtb')} value={os?.dtb ?? ''}
              commit={(v) => editField(props, 'os.dtb', () => {
                draft.ensureOs().dtb = v === '' ? undefined : v;
              })} />
          </>
        )}
      </FormSection>
    </DeviceForm>
  );
}
