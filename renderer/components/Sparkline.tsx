/** A small line graph of recent values (0–max), as in virt-manager's VM list. Colours come from PatternFly's tokens. */
export function Sparkline({ values, max = 100, width = 80, height = 20, label }: {
  values: readonly number[];
  max?: number;
  width?: number;
  height?: number;
  label: string;
}): React.JSX.Element {
  const n = values.length;
  const step = n > 1 ? width / (n - 1) : width;
  const y = (v: number): number => height - 1 - (Math.min(Math.max(v, 0), max) / max) * (height - 2);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label} data-points={n}>
      <rect x="0" y="0" width={width} height={height} className="sparkline-bg" />
      {/* Always there (empty with no values): a graph that gets its first value changes an attribute, not the tree. */}
      <polyline points={n === 0 ? '' : n === 1 ? `0,${y(values[0] ?? 0)} ${width},${y(values[0] ?? 0)}` : points} className="sparkline-line" />
    </svg>
  );
}
