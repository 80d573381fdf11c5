// Numbers as people read them, in the UI's language (units are IEC, as libvirt's tools show them).

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * Intl number formats by locale and options, made once: making one costs far more than using it, and the VM list
 * formats numbers for every row and tick.
 */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\n${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const ONE_DIGIT: Intl.NumberFormatOptions = { maximumFractionDigits: 1 };
const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };

export function formatBytes(bytes: number, locale: string): string {
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = u === 0 || v >= 100 ? WHOLE : ONE_DIGIT;
  return `${numberFormat(locale, digits).format(v)} ${UNITS[u]}`;
}

/** A fraction (0.42) as a whole percentage ("42%"). */
export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, PERCENT).format(fraction);
}

/** libvirt's major * 1,000,000 + minor * 1,000 + release as "major.minor.release". */
export function formatVersion(v: number): string {
  return `${Math.floor(v / 1_000_000)}.${Math.floor(v / 1_000) % 1_000}.${v % 1_000}`;
}
