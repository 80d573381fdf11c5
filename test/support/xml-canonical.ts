// Canonicalization for round-trip checks, done by an independent parser (Python's expat via
// ElementTree's C14N 2.0), so the comparison cannot merely agree with the code under test.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export type Canonical = { readonly c14n: string } | { readonly error: string };

/** Canonical forms of many documents in one /usr/bin/python3 run. */
export function canonicalizeAll(docs: readonly string[]): Promise<Canonical[]> {
  return new Promise((done, fail) => {
    const child = execFile(
      '/usr/bin/python3',
      [join(import.meta.dirname, 'xml-canonical.py')],
      { maxBuffer: 512 << 20, timeout: 120_000 },
      (err, stdout, stderr) => {
        if (err !== null) fail(new Error(`canonicalization failed: ${err.message}\n${stderr.slice(-2000)}`));
        else done(JSON.parse(stdout) as Canonical[]);
      },
    );
    child.stdin?.end(JSON.stringify(docs));
  });
}

/** The first differing position of two strings, with context, for readable failures. */
export function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 60), i + 60))} vs ${JSON.stringify(b.slice(Math.max(0, i - 60), i + 60))}`;
}
