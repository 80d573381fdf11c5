import { useTranslation } from 'react-i18next';
import type { DomainSummary } from '../../main/api/contract/index.js';
import { formatBytes } from '../components/format.js';
import { Sparkline } from '../components/Sparkline.js';
import { useStats } from '../state/hooks.js';
import { statValue, type OptionalColumn } from './vm-list-model.js';

/** Rates scale to the largest seen in the window, at least 1 KiB/s so an idle VM's line stays flat. */
const MIN_RATE_SCALE = 1024;

/** One stats column of a running VM as a sparkline; mounted only for rows in view, so only they subscribe. */
export function StatSparkline({ connection, domain, column, hostCpus }: {
  connection: string;
  domain: DomainSummary;
  column: OptionalColumn;
  hostCpus: number | undefined;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const samples = useStats({ connection, key: domain.uuid });
  const values = samples.map((s) => statValue(column, s, domain, hostCpus));
  const rate = column === 'diskIo' || column === 'netIo';
  const last = values.at(-1);
  const now = last === undefined ? t('common.none') : rate ? t('vmlist.rate', { value: formatBytes(last, i18n.language) })
    : (last / 100).toLocaleString(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const label = t('vmlist.graph', { column: t(`vmlist.column.${column}`), name: domain.name, now });
  return (
    <span title={now} className="vm-stat" data-column={column}>
      <Sparkline values={values} max={rate ? Math.max(MIN_RATE_SCALE, ...values) : 100} width={64} label={label} />
    </span>
  );
}
