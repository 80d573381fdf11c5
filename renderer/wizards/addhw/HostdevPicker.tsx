import { useTranslation } from 'react-i18next';
import { buildHostdev, parseNodeDevice, type XmlElement } from '../../../drivers/xml/index.js';
import type { NodeDeviceSummary } from '../../../main/api/contract/index.js';
import { ChoiceField } from '../../vm/devices/parts/FormParts.js';

/** A host device as a user recognises it: its address, vendor and product. */
function describe(n: NodeDeviceSummary): string {
  try {
    const d = parseNodeDevice(n.xml);
    const name = [d.vendor?.name, d.product?.name].filter((x) => x !== undefined && x !== '').join(' ');
    return name === '' ? n.name : `${n.name} — ${name}`;
  } catch {
    return n.name;
  }
}

/** The host-side device for a new `<hostdev>`, from the node device's XML. */
export function hostdevFromNodeDevice(kind: 'usbHost' | 'pciHost', n: NodeDeviceSummary): XmlElement {
  const d = parseNodeDevice(n.xml);
  if (kind === 'usbHost') {
    const hex4 = (id: string | undefined): string => `0x${(id ?? '0').replace(/^0x/, '').padStart(4, '0')}`;
    return buildHostdev({ type: 'usb', vendor: hex4(d.vendor?.id), product: hex4(d.product?.id) });
  }
  const a = d.pciAddress;
  if (a === undefined) throw new Error(`${n.name} has no PCI address`);
  return buildHostdev({ type: 'pci', domain: a.domain, bus: a.bus, slot: a.slot, function: a.function });
}

/** Which of the host's USB or PCI devices to pass through. */
export function HostdevPicker({ devices, chosen, onChoose }: {
  devices: readonly NodeDeviceSummary[];
  chosen: string;
  onChoose: (n: NodeDeviceSummary) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <ChoiceField id="hostdev-pick" label={t('vmdevices.addhw.hostDevice')} value={chosen}
      choices={devices.map((n) => ({ value: n.name, label: describe(n) }))}
      onChange={(v) => {
        const n = devices.find((x) => x.name === v);
        if (n !== undefined) onChoose(n);
      }} />
  );
}
