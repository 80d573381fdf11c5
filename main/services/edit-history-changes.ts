// What an edit changed, in words a list can show: the paths of the elements whose lines differ between the
// definition before and after (libvirt prints one element per line, so a line diff finds exactly the edited
// elements, and an inserted device does not make its later siblings look changed as index paths would).

/** The element path (domain/devices/disk/driver) that each line of a document belongs to. */
export function linePaths(xml: string): string[] {
  const lines = xml.split('\n');
  const out: string[] = [];
  const stack: string[] = [];
  // Tokens in document order; comments, CDATA and declarations do not open elements.
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let line = 0;
  let lineStart = 0;
  let deepest: string | undefined;
  const finishLinesUpTo = (offset: number, spanning?: string): void => {
    while (line < lines.length && lineStart + (lines[line]?.length ?? 0) < offset) {
      out.push(deepest ?? spanning ?? stack.join('/'));
      lineStart += (lines[line]?.length ?? 0) + 1;
      line += 1;
      deepest = undefined;
    }
  };
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    finishLinesUpTo(m.index);
    const [, closing, opening, , selfClosing] = m;
    if (opening !== undefined) {
      const path = [...stack, opening].join('/');
      // A line is named for the first element that starts on it.
      deepest ??= path;
      // The lines of a tag that wraps its attributes belong to it too.
      finishLinesUpTo(m.index + m[0].length, path);
      deepest ??= path;
      if (selfClosing !== '/') stack.push(opening);
    } else if (closing !== undefined) {
      deepest ??= stack.join('/');
      stack.pop();
    }
  }
  finishLinesUpTo(Number.POSITIVE_INFINITY);
  return out;
}

/** Indexes of the lines of `a` and of `b` that are not in their longest common subsequence. */
export function changedLines(a: readonly string[], b: readonly string[]): { removed: number[]; added: number[] } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const n = endA - start;
  const m = endB - start;
  const removed: number[] = [];
  const added: number[] = [];
  if (n * m > 16_000_000) {
    // Too large to align line by line: the whole middle counts as changed.
    for (let i = start; i < endA; i++) removed.push(i);
    for (let j = start; j < endB; j++) added.push(j);
    return { removed, added };
  }
  // LCS lengths of the suffixes, then one walk from the start.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[start + i] === b[start + j] ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
        : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      i += 1;
      j += 1;
    } else if ((lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0)) {
      removed.push(start + i);
      i += 1;
    } else {
      added.push(start + j);
      j += 1;
    }
  }
  for (; i < n; i++) removed.push(start + i);
  for (; j < m; j++) added.push(start + j);
  return { removed, added };
}

/** The element paths an edit touched: those of the added lines in order, then those of the removed ones. */
export function changedPaths(before: string, after: string): string[] {
  // Indentation alone is not a change worth naming (libvirt prints metadata as it was given, a define re-indents it).
  const a = before.split('\n').map((l) => l.trim());
  const b = after.split('\n').map((l) => l.trim());
  const { removed, added } = changedLines(a, b);
  const pathsA = linePaths(before);
  const pathsB = linePaths(after);
  const seen = new Set<string>();
  for (const j of added) {
    const p = pathsB[j];
    if (p) seen.add(p);
  }
  for (const i of removed) {
    const p = pathsA[i];
    if (p) seen.add(p);
  }
  // An added or removed element's own lines say no more than it does: keep the outermost path of each change
  // (below the root, whose opening line changing must not hide the rest).
  const paths = [...seen];
  return paths.filter((p) => !paths.some((q) => q !== p && q.includes('/') && p.startsWith(`${q}/`)));
}
