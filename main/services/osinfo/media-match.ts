// Matching a disc's primary volume descriptor against osinfo-db's media rules, as libosinfo does (each regex the
// rule states must be found in the field; a stated volume size must be equal), and, when nothing matches, telling
// a later release of a known distribution from unknown media.
import type { IsoDescriptor, OsDetection, OsMediaRule, OsSummary } from '../../api/contract/osinfo.js';
import { compareVersions, isNumberedRelease, type OsinfoDb } from './osinfo-db.js';

const compiled = new Map<string, RegExp | null>();

function regex(source: string, flags: string): RegExp | null {
  const key = `${flags}/${source}`;
  let r = compiled.get(key);
  if (r === undefined) {
    try {
      r = new RegExp(source, flags);
    } catch {
      r = null; // a pattern JavaScript cannot read matches nothing
    }
    compiled.set(key, r);
  }
  return r;
}

/**
 * Publisher, application and system ids are ISO 9660 a-characters, upper case only: mastering tools that follow
 * the standard (xorriso, genisoimage) upper-case "FreeBSD" or "SUSE LINUX GmbH", so those compare without case.
 */
function found(pattern: string | undefined, value: string, anyCase = false): boolean {
  if (pattern === undefined) return true;
  if (!value) return false;
  return regex(pattern, anyCase ? 'i' : '')?.test(value) ?? false;
}

export function ruleMatches(rule: OsMediaRule, d: IsoDescriptor, generalise = false): boolean {
  const p = (s: string | undefined) => (s !== undefined && generalise ? generaliseNumbers(s) : s);
  return found(p(rule.volumeId), d.volumeId) && found(p(rule.publisherId), d.publisherId, true)
    && found(p(rule.applicationId), d.applicationId, true) && found(p(rule.systemId), d.systemId, true)
    && (generalise || rule.volumeSize === undefined || rule.volumeSize === d.volumeSize);
}

/** How much a rule says: a rule stating more fields is the better match when several do. */
function specificity(rule: OsMediaRule): number {
  return [rule.volumeId, rule.publisherId, rule.applicationId, rule.systemId].filter((v) => v !== undefined).length * 1000
    + (rule.volumeSize !== undefined ? 500 : 0) + (rule.volumeId?.length ?? 0);
}

/**
 * The pattern with each literal number (outside character classes and repeat counts) made `\d+`, so that
 * "Debian 11.\d+.\d+ amd64 n" also finds "Debian 12.2.0 amd64 n".
 */
export function generaliseNumbers(pattern: string): string {
  let out = '';
  let inClass = false;
  let inCount = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (inCount) {
      if (c === '}') inCount = false;
      out += c;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '{') inCount = true;
    if (/\d/.test(c)) {
      while (i + 1 < pattern.length && /\d/.test(pattern[i + 1]!)) i++;
      out += '\\d+';
      continue;
    }
    out += c;
  }
  return out;
}

const ARCH_WORDS = /x86[_-]64|amd64|aarch64|arm64|i[3-6]86|ppc64le|ppc64|s390x|armv7l|armhf|x64|x86/gi;

/** The release a volume id names: its first number once architecture names are taken out (Fedora-WS-Live-38-1-6 → 38). */
export function versionInVolumeId(volumeId: string): string | undefined {
  return volumeId.replace(ARCH_WORDS, ' ').match(/\d+(?:\.\d+)*/)?.[0];
}

export function identify(db: OsinfoDb, d: IsoDescriptor): OsDetection {
  let best: { os: OsSummary; rule: OsMediaRule; score: number } | undefined;
  for (const os of db.all()) {
    const raw = db.raw(os.id);
    if (!raw) continue;
    for (const rule of raw.media) {
      if (!ruleMatches(rule, d)) continue;
      // An "-unknown" catch-all (fedora-unknown: Fedora 38 and later) yields to a named release.
      const score = specificity(rule) - (os.shortId.endsWith('-unknown') ? 100_000 : 0);
      if (!best || score > best.score) best = { os, rule, score };
    }
  }
  const match = best ? { os: best.os, arch: best.rule.arch, live: best.rule.live } : null;
  if (match && !match.os.shortId.endsWith('-unknown')) return { descriptor: d, match, newer: null };
  return { descriptor: d, match, newer: newerRelease(db, d) };
}

/**
 * Media no rule names, but which a known distribution's rule finds once its numbers are generalised, and whose
 * release number is beyond that distribution's newest entry: that entry is offered.
 */
export function newerRelease(db: OsinfoDb, d: IsoDescriptor): OsDetection['newer'] {
  const seen = versionInVolumeId(d.volumeId);
  if (!seen) return null;
  const newestByDistro = new Map<string, OsSummary>();
  for (const os of db.all()) {
    if (!os.distro || !isNumberedRelease(os)) continue;
    const cur = newestByDistro.get(os.distro);
    if (!cur || compareVersions(os.version!, cur.version!) > 0) newestByDistro.set(os.distro, os);
  }
  let offered: OsSummary | undefined;
  for (const os of db.all()) {
    if (!os.distro || !isNumberedRelease(os)) continue;
    const raw = db.raw(os.id);
    if (!raw?.media.some((rule) => rule.volumeId !== undefined && ruleMatches(rule, d, true))) continue;
    const newest = newestByDistro.get(os.distro)!;
    if (compareVersions(seen, newest.version!) <= 0) continue;
    // Compare major numbers only: "12.2.0" is later than "11" but "11.7" is Debian 11 itself.
    if (Number(seen.split('.')[0]) <= Number(newest.version!.split('.')[0])) continue;
    if (!offered || compareVersions(newest.version!, offered.version!) > 0) offered = newest;
  }
  return offered ? { distro: offered.distro!, seenVersion: seen, offered } : null;
}
