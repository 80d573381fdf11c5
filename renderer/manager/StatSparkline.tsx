import type { DomainSummary } from '../../main/api/contract/index.js';
import type { Translate } from '../components/cached-translate.js';
import { formatBytes, formatPercent } from '../components/format.js';
import { Sparkline } from '../components/Sparkline.js';
import { useStats } from '../state/hooks.js';
import { statValue, type OptionalColumn } from './vm-list-model.js';

/** Rates scale to the largest seen in the window, at least 1 KiB/s so an idle VM's line stays flat. */
const MIN_RATE_SCALE = 1024;
const NO_VALUES: readonly number[] = [];

/**
 * One stats column of a VM as a sparkline; mounted only for rows in view, so only they subscribe. The row hands down
 * its translator (one per list, not one hook per cell). A VM that is not running shows nothing, but keeps the same
 * elements, hidden and subscribed to nothing: a list row that shows another VM then changes attributes instead of
 * replacing elements (new elements cost a style recalculation each while scrolling).
 */
export function StatSparkline({ connection, domain, running, column, hostCpus, t, lang }: {
  connection: string;
  domain: DomainSummary;
  running: boolean;
  column: OptionalColumn;
  hostCpus: number | undefined;
  t: Translate;
  lang: string;
}): React.JSX.Element {
  const samples = useStats({ connection, key: domain.uuid }, running);
  if (!running) {
    return (
      <span className="vm-stat vm-stat-off" data-column={column}>
        <Sparkline values={NO_VALUES} width={64} label="" />
      </span>
    );
  }
  const values = samples.map((s) => statValue(column, s, domain, hostCpus));
  const rate = column === 'diskIo' || column === 'netIo';
  const last = values.at(-1);
  const now = last === undefined ? t('common.none') : rate ? t('vmlist.rate', { value: formatBytes(last, lang) }) : formatPercent(last / 100, lang);
  const label = t('vmlist.graph', { column: t(`vmlist.column.${column}`), name: domain.name, now });
  return (
    <span title={now} className="vm-stat" data-column={column}>
      <Sparkline values={values} max={rate ? Math.max(MIN_RATE_SCALE, ...values) : 100} width={64} label={label} />
    </span>
  );
}
