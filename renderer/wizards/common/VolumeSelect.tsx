import { FormSelect, FormSelectOption, FormSelectOptionGroup } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { PoolSummary, VolumeSummary } from '../../../main/api/contract/index.js';
import { formatBytes } from '../../components/format.js';
import type { VolumeChoice } from '../newvm/new-vm-state.js';

const byName = new Intl.Collator(undefined, { numeric: true });

/** A volume of the host's active pools, grouped by pool; `filter` keeps the ones that fit (ISO images, disks…). */
export function VolumeSelect({ id, pools, value, onChange, filter, validated }: {
  id: string;
  pools: readonly PoolSummary[];
  value: VolumeChoice | undefined;
  onChange: (v: VolumeChoice | undefined) => void;
  filter?: (v: VolumeSummary) => boolean;
  validated?: 'error' | 'default';
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const active = [...pools].filter((p) => p.active).sort((a, b) => byName.compare(a.name, b.name));
  const encode = (v: VolumeChoice | undefined): string => (v ? `${v.pool}\n${v.volume}` : '');
  return (
    <FormSelect id={id} value={encode(value)} validated={validated ?? 'default'}
      onChange={(_e, v) => {
        const [pool, volume] = v.split('\n');
        onChange(pool && volume ? { pool, volume } : undefined);
      }}>
      <FormSelectOption value="" label={t('wizards.common.chooseVolume')} isPlaceholder />
      {active.map((p) => {
        const vols = p.volumes.filter((v) => !filter || filter(v)).sort((a, b) => byName.compare(a.name, b.name));
        if (vols.length === 0) return null;
        return (
          <FormSelectOptionGroup key={p.key} label={p.name}>
            {vols.map((v) => (
              <FormSelectOption key={v.name} value={`${p.key}\n${v.name}`} label={`${v.name} (${formatBytes(v.capacity, i18n.language)})`} />
            ))}
          </FormSelectOptionGroup>
        );
      })}
    </FormSelect>
  );
}
