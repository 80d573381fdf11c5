/** A graph of recent values in 0–max over the panel's width, with its caption. */
export function HostGraph({ values, max, label, caption }: {
  values: readonly number[];
  max: number;
  label: string;
  caption: string;
}): React.JSX.Element {
  const W = 300;
  const H = 60;
  const n = values.length;
  const x = (i: number): number => (n > 1 ? (i / (n - 1)) * W : W);
  const y = (v: number): number => H - (Math.min(Math.max(v, 0), max) / (max || 1)) * (H - 2) - 1;
  const line = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const one = n === 1 ? `0,${y(values[0] ?? 0).toFixed(1)} ${W},${y(values[0] ?? 0).toFixed(1)}` : line;
  return (
    <figure className="host-graph">
      <figcaption><strong>{label}</strong> <span>{caption}</span></figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={`${label}: ${caption}`} data-points={n}>
        <rect x="0" y="0" width={W} height={H} className="sparkline-bg" />
        {n > 0 && <polygon points={`0,${H} ${one} ${W},${H}`} className="host-graph-area" />}
        {n > 0 && <polyline points={one} className="sparkline-line" vectorEffect="non-scaling-stroke" />}
      </svg>
    </figure>
  );
}
