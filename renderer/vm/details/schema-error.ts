// Where in an edited definition libvirt's refusal points. libvirt's schema messages name elements, not lines
// ("Extra element vcpu in interleave", "Element domain has extra content: vcpux", "Invalid attribute foo for element
// acpi"); the line is found in the edited text: the first line the edit changed inside the element named, else that
// element's opening tag, else the first changed line.

/** Element names a libvirt (libxml2 RelaxNG) validation message points at, most specific first. */
export function elementsNamed(message: string): string[] {
  const out: string[] = [];
  const add = (name: string | undefined): void => {
    if (name !== undefined && name !== '' && !out.includes(name)) out.push(name);
  };
  for (const m of message.matchAll(/has extra content: ([\w:.-]+)/g)) add(m[1]);
  for (const m of message.matchAll(/Did not expect element ([\w:.-]+)/g)) add(m[1]);
  for (const m of message.matchAll(/Invalid attribute ([\w:.-]+) for element ([\w:.-]+)/g)) add(m[2]);
  for (const m of message.matchAll(/Element ([\w:.-]+) (?:failed|has)/g)) if (m[1] !== 'domain') add(m[1]);
  for (const m of message.matchAll(/Extra element ([\w:.-]+)/g)) add(m[1]);
  for (const m of message.matchAll(/Expecting an element ([\w:.-]+)/g)) add(m[1]);
  return out;
}

/** 1-based numbers of the lines of `after` that are not in `before` (a longest-common-subsequence line diff). */
export function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Common head and tail first: edits are small, the documents long.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  if (am.length * bm.length > 4_000_000) return bm.map((_, i) => head + i + 1);
  const lcs: number[][] = Array.from({ length: am.length + 1 }, () => new Array<number>(bm.length + 1).fill(0));
  for (let i = am.length - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const next = lcs[i + 1] as number[];
    for (let j = bm.length - 1; j >= 0; j--) row[j] = am[i] === bm[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
  }
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (j < bm.length) {
    if (i < am.length && am[i] === bm[j]) {
      i++;
      j++;
    } else if (i < am.length && (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) {
      i++;
    } else {
      out.push(head + j + 1);
      j++;
    }
  }
  return out;
}

/** Line spans (1-based, inclusive) of each element with this name in the text. */
function spans(lines: readonly string[], name: string): [number, number][] {
  const open = new RegExp(`<${name.replace(/[.]/g, '\\.')}(?=[\\s/>])`);
  const close = `</${name}>`;
  const out: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!open.test(line)) continue;
    let end = i;
    if (!/\/>\s*$/.test(line) && !line.includes(close)) {
      while (end < lines.length - 1 && !(lines[end] ?? '').includes(close)) end++;
    }
    out.push([i + 1, end + 1]);
  }
  return out;
}

/** The line of the edited XML that libvirt's message is about; undefined when nothing points anywhere. */
export function schemaErrorLine(message: string, edited: string, base: string | undefined): number | undefined {
  const lines = edited.split('\n');
  const changed = base === undefined ? [] : changedLines(base, edited);
  for (const name of elementsNamed(message)) {
    const found = spans(lines, name);
    for (const [from, to] of found) {
      const hit = changed.find((l) => l >= from && l <= to);
      if (hit !== undefined) return hit;
    }
    if (found.length > 0 && changed.length === 0) return found[0]?.[0];
  }
  return changed[0] ?? (elementsNamed(message).map((n) => spans(lines, n)[0]?.[0]).find((l) => l !== undefined));
}
