import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly number[];
}

/** A PatternFly colour token's value as the page's theme has it now. */
function token(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

const COLORS = [
  ['--pf-t--global--color--nonstatus--blue--default', '#0066cc'],
  ['--pf-t--global--color--nonstatus--orange--default', '#ca6c0f'],
] as const;

/**
 * A line graph of a VM's samples over the last `spanSeconds` (uPlot): the newest sample at 0 on the right, one sample
 * every `stepSeconds`. Made once; new samples only set its data; it follows the width of its box and the theme.
 */
export function PerfChart({ title, series, stepSeconds, spanSeconds, format, formatAge, max, dark }: {
  title: string;
  series: readonly ChartSeries[];
  stepSeconds: number;
  spanSeconds: number;
  format: (v: number) => string;
  /** How long ago a time on the x axis is (seconds, negative), for its labels. */
  formatAge: (seconds: number) => string;
  /** The y axis' top (CPU: 100 %); otherwise it follows the data. */
  max?: number;
  /** Changes with the theme, so that the colours follow it. */
  dark: boolean;
}): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const formatRef = useRef(format);
  formatRef.current = format;
  const ageRef = useRef(formatAge);
  ageRef.current = formatAge;
  const n = Math.max(0, ...series.map((s) => s.values.length));
  const labels = series.map((s) => s.label).join('\n');

  const data = (): uPlot.AlignedData => {
    const xs = Array.from({ length: n }, (_, i) => -(n - 1 - i) * stepSeconds);
    return [xs, ...series.map((s) => {
      const pad = n - s.values.length;
      return Array.from({ length: n }, (_, i) => (i < pad ? null : (s.values[i - pad] ?? null)));
    })];
  };

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const text = token('--pf-t--global--text--color--subtle', '#6a6e73');
    const grid = token('--pf-t--global--border--color--default', '#d2d2d2');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const u = new uPlot({
      width: Math.max(200, el.clientWidth),
      height: 160,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: () => [-spanSeconds, 0] },
        y: { range: (_u, _min, dataMax) => [0, max ?? Math.max(1, dataMax * 1.1)] },
      },
      axes: [
        {
          ...axis,
          // Ticks every quarter of the span, from its start to now.
          splits: () => [0, 1, 2, 3, 4].map((i) => -spanSeconds + (i * spanSeconds) / 4),
          values: (_u, ticks) => ticks.map((v) => ageRef.current(v)),
        },
        { ...axis, size: 80, values: (_u, ticks) => ticks.map((v) => formatRef.current(v)) },
      ],
      series: [
        { label: '' },
        ...series.map((s, i) => ({
          label: s.label,
          stroke: token(COLORS[i % COLORS.length]?.[0] ?? '', COLORS[i % COLORS.length]?.[1] ?? '#0066cc'),
          width: 2,
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatRef.current(v)),
        })),
      ],
    }, data(), el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height: 160 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // Made again only for what the options hold: the series' names, the span, the ceiling and the theme.
  }, [labels, spanSeconds, max, dark]);

  useEffect(() => {
    const u = plot.current;
    if (u === null) return;
    u.setData(data());
    // Without a pointer on the graph, the legend says the newest values.
    if (n > 0 && u.cursor.idx == null) u.setLegend({ idx: n - 1 });
  });

  return <div ref={box} className="vm-perf-chart" role="img" aria-label={title} data-points={n} />;
}
