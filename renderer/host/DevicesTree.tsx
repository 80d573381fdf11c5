import { Alert, Label, TreeView, type TreeViewDataItem } from '@patternfly/react-core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainSummary, NodeDeviceSummary } from '../../main/api/contract/index.js';
import { HostdevDevice, parseDomain, parseNodeDevice, type NodeDeviceXml } from '../../drivers/xml/index.js';
import { useApi, useDomains, useNodeDevices } from '../state/hooks.js';
import { errorText } from './use-host-action.js';

const byName = new Intl.Collator(undefined, { numeric: true });
/** Domains whose XML is read for host device assignments, at most (one call each). */
const ASSIGNMENT_LIMIT = 200;
const SHOWN_CAPS = new Set(['pci', 'usb_device']);

const num = (v: string | undefined): number => (v === undefined ? NaN : Number.parseInt(v, v.startsWith('0x') ? 16 : 10));
/** The keys a host device is known by in a domain's <hostdev> (PCI address, USB address, USB ids). */
function deviceKeys(d: NodeDeviceXml): string[] {
  const out: string[] = [];
  const pci = d.pciAddress;
  if (pci && d.capability('pci')) out.push(`pci:${pci.domain}:${pci.bus}:${pci.slot}:${pci.function}`);
  const usb = d.usbAddress;
  if (usb) out.push(`usb:${usb.bus}:${usb.device}`);
  if (d.capability('usb_device') && d.vendor?.id && d.product?.id) out.push(`usbid:${num(d.vendor.id)}:${num(d.product.id)}`);
  return out;
}

function hostdevKeys(h: HostdevDevice): string[] {
  const a = h.sourceAddress;
  if (h.type === 'pci' && a) return [`pci:${num(a.domain ?? '0')}:${num(a.bus)}:${num(a.slot)}:${num(a.function)}`];
  if (h.type === 'usb') {
    const ids = h.usbIds;
    if (a?.bus !== undefined && a.device !== undefined) return [`usb:${num(a.bus)}:${num(a.device)}`];
    if (ids?.vendor && ids.product) return [`usbid:${num(ids.vendor)}:${num(ids.product)}`];
  }
  return [];
}

/** Which VM has each host device (by deviceKeys), read lazily from the domains' XML while the view is open. */
function useAssignments(connection: string, domains: readonly DomainSummary[]): { map: ReadonlyMap<string, string[]>; partial: boolean; error?: string } {
  const api = useApi();
  const [state, setState] = useState<{ map: ReadonlyMap<string, string[]>; error?: string }>({ map: new Map() });
  const keys = domains.slice(0, ASSIGNMENT_LIMIT).map((d) => `${d.key}\t${d.name}`).join('\n');
  useEffect(() => {
    let live = true;
    const list = keys ? keys.split('\n').map((l) => l.split('\t') as [string, string]) : [];
    const map = new Map<string, string[]>();
    let error: string | undefined;
    const work = async (): Promise<void> => {
      for (let i = 0; i < list.length && live; i += 8) {
        await Promise.all(list.slice(i, i + 8).map(async ([key, name]) => {
          try {
            const { xml } = await api.call('domains.xml', { connection, key, inactive: false });
            for (const dev of parseDomain(xml).devices) {
              if (!(dev instanceof HostdevDevice)) continue;
              for (const k of hostdevKeys(dev)) map.set(k, [...(map.get(k) ?? []), name]);
            }
          } catch (e) {
            error ??= `${name}: ${errorText(e)}`;
          }
        }));
      }
      if (live) setState({ map, ...(error ? { error } : {}) });
    };
    void work();
    return () => {
      live = false;
    };
  }, [api, connection, keys]);
  return { ...state, partial: domains.length > ASSIGNMENT_LIMIT };
}

/** The host's PCI and USB devices as a tree by parent, with vendor, product, driver and the VM each is assigned to. */
export function DevicesTree({ connection }: { connection: string }): React.JSX.Element {
  const { t } = useTranslation();
  const devices = useNodeDevices(connection);
  const domains = useDomains(connection);
  const assignments = useAssignments(connection, domains);

  const data = useMemo(() => {
    const byKey = new Map<string, NodeDeviceSummary>(devices.map((d) => [d.name, d]));
    const parsed = new Map<string, NodeDeviceXml | undefined>();
    const model = (d: NodeDeviceSummary): NodeDeviceXml | undefined => {
      if (!parsed.has(d.name)) {
        try {
          parsed.set(d.name, parseNodeDevice(d.xml));
        } catch {
          parsed.set(d.name, undefined);
        }
      }
      return parsed.get(d.name);
    };
    // The PCI and USB devices, and their ancestors so that each hangs in its place.
    const included = new Set<string>();
    for (const d of devices) {
      if (!d.caps.some((c) => SHOWN_CAPS.has(c))) continue;
      let at: NodeDeviceSummary | undefined = d;
      while (at && !included.has(at.name)) {
        included.add(at.name);
        at = at.parent ? byKey.get(at.parent) : undefined;
      }
    }
    const children = new Map<string, NodeDeviceSummary[]>();
    const roots: NodeDeviceSummary[] = [];
    for (const name of included) {
      const d = byKey.get(name);
      if (!d) continue;
      if (d.parent && included.has(d.parent)) children.set(d.parent, [...(children.get(d.parent) ?? []), d]);
      else roots.push(d);
    }
    const item = (d: NodeDeviceSummary, depth: number): TreeViewDataItem => {
      const m = model(d);
      const vendor = m?.vendor?.name;
      const product = m?.product?.name;
      const driver = m?.driverName;
      const usedBy = [...new Set((m ? deviceKeys(m) : []).flatMap((k) => assignments.map.get(k) ?? []))];
      const kids = (children.get(d.name) ?? []).sort((a, b) => byName.compare(a.name, b.name)).map((c) => item(c, depth + 1));
      return {
        id: d.name,
        defaultExpanded: depth < 3,
        name: (
          <span data-device={d.name}>
            <span translate="no">{product ?? d.name}</span>
            {vendor && <span className="host-device-meta" translate="no">{vendor}</span>}
            {product && <span className="host-device-meta" translate="no">{d.name}</span>}
            {driver && <span className="host-device-meta">{t('hostdetails.devices.driver')} <span translate="no">{driver}</span></span>}
            {usedBy.length > 0 && (
              <Label isCompact color="blue" className="host-device-meta">{t('hostdetails.devices.assigned')} <span translate="no">{usedBy.join(', ')}</span></Label>
            )}
          </span>
        ),
        ...(kids.length > 0 ? { children: kids } : {}),
      };
    };
    return roots.sort((a, b) => byName.compare(a.name, b.name)).map((r) => item(r, 0));
  }, [devices, assignments.map, t]);

  return (
    <div className="host-section host-device-tree">
      {assignments.partial && <Alert variant="info" isInline isPlain title={t('hostdetails.devices.partial', { count: ASSIGNMENT_LIMIT })} />}
      {assignments.error && <Alert variant="warning" isInline isPlain title={t('hostdetails.devices.assignmentError', { message: assignments.error })} />}
      {data.length === 0
        ? <p className="empty-row">{t('hostdetails.devices.none')}</p>
        : <TreeView data={data} aria-label={t('host.devices')} hasGuides variant="compactNoBackground" />}
    </div>
  );
}
