import { Alert, ToggleGroup, ToggleGroupItem } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../components/format.js';
import { useDarkTheme } from '../../components/xml/dark-mode.js';
import { usePreferences } from '../../prefs/use-preferences.js';
import { useStats, useStores } from '../../state/hooks.js';
import { PerfChart } from './PerfChart.js';
import type { SectionPageProps } from './section-page.js';

/** The spans offered: two minutes first, as virt-manager shows; the longer ones fill while the VM's tab stays open. */
const SPANS = [120, 600, 3600] as const;
type Span = (typeof SPANS)[number];
const LONGEST = 3600;

/** Performance: CPU, memory, disk and network I/O of the running VM, as graphs over the span chosen. */
export function PerformancePage({ connection, uuid, running }: SectionPageProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { stats } = useStores();
  const prefs = usePreferences();
  const dark = useDarkTheme();
  const [span, setSpan] = useState<Span>(120);
  const step = prefs.stats.intervalSeconds;
  // Keep enough samples for the longest span while this page is open.
  useEffect(() => stats.retain(connection, uuid, Math.ceil(LONGEST / step) + 1), [stats, connection, uuid, step]);
  const all = useStats({ connection, key: uuid });
  const samples = all.slice(-(Math.ceil(span / step) + 1));
  const bytes = (v: number): string => formatBytes(v, i18n.language);
  const rate = (v: number): string => t('vmdetails.perf.rate', { value: formatBytes(v, i18n.language) });
  const age = (seconds: number): string => (seconds === 0 ? t('vmdetails.perf.now')
    : span <= 120 ? t('vmdetails.perf.secondsAgo', { n: -seconds }) : t('vmdetails.perf.minutesAgo', { n: Math.round(-seconds / 60) }));
  const off = [prefs.stats.cpu, prefs.stats.memory, prefs.stats.disk, prefs.stats.network].some((on) => !on);
  const chart = (key: string, title: string, series: { label: string; values: number[] }[], format: (v: number) => string, max?: number): React.JSX.Element => (
    <section className="vm-perf-item" data-graph={key}>
      <h4 className="vm-perf-title">{title}</h4>
      <PerfChart title={title} series={series} stepSeconds={step} spanSeconds={span} format={format} formatAge={age} dark={dark}
        {...(max === undefined ? {} : { max })} />
    </section>
  );
  return (
    <div className="vm-perf">
      <ToggleGroup aria-label={t('vmdetails.perf.span')} className="vm-perf-span">
        {SPANS.map((s) => (
          <ToggleGroupItem key={s} buttonId={`vm-perf-span-${s}`} text={t(`vmdetails.perf.spans.${s}`)} isSelected={span === s} onChange={() => setSpan(s)} />
        ))}
      </ToggleGroup>
      {!running && <Alert variant="info" isInline isPlain title={t('vmdetails.perf.notRunning')} />}
      {off && <Alert variant="info" isInline isPlain title={t('vmdetails.perf.someOff')} />}
      <div className="vm-perf-grid">
        {chart('cpu', t('vmdetails.perf.cpu'), [{ label: t('vmdetails.perf.cpuGuest'), values: samples.map((s) => s.cpuPercent) }], (v) => `${Math.round(v)} %`, 100)}
        {chart('memory', t('vmdetails.perf.memory'), [{ label: t('vmdetails.perf.memoryUsed'), values: samples.map((s) => s.memoryKiB * 1024) }], bytes)}
        {chart('disk', t('vmdetails.perf.disk'), [
          { label: t('vmdetails.perf.read'), values: samples.map((s) => s.diskReadBps) },
          { label: t('vmdetails.perf.write'), values: samples.map((s) => s.diskWriteBps) },
        ], rate)}
        {chart('network', t('vmdetails.perf.network'), [
          { label: t('vmdetails.perf.received'), values: samples.map((s) => s.netRxBps) },
          { label: t('vmdetails.perf.sent'), values: samples.map((s) => s.netTxBps) },
        ], rate)}
      </div>
    </div>
  );
}
