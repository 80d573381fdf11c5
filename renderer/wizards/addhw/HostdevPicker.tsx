import { useTranslation } from 'react-i18next';
import { parseNodeDevice } from '../../../drivers/xml/index.js';
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
