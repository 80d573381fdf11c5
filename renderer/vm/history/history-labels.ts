import type { TFunction } from 'i18next';
import type { HistoryEntrySummary } from '../../../main/api/contract/index.js';

/** A failure's message (libvirt's as it came, or the service's). */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** When an entry was made, in the UI's language. */
export function whenText(at: number, language: string): string {
  return new Date(at).toLocaleString(language);
}

/** The kind of change, in words. */
export function changeText(t: TFunction, entry: HistoryEntrySummary, all: readonly HistoryEntrySummary[], language: string): string {
  if (entry.call === 'history.restore') {
    const of = all.find((e) => e.id === entry.restoreOf);
    return of ? t('vmhistory.calls.restore', { when: whenText(of.at, language) }) : t('vmhistory.calls.restoreOfGone');
  }
  switch (entry.call) {
    case 'domains.define': return t('vmhistory.calls.define');
    case 'domains.rename': return t('vmhistory.calls.rename');
    case 'domains.setMemory': return t('vmhistory.calls.setMemory');
    case 'domains.setVcpus': return t('vmhistory.calls.setVcpus');
    case 'domains.attachDevice': return t('vmhistory.calls.attachDevice');
    case 'domains.detachDevice': return t('vmhistory.calls.detachDevice');
    case 'domains.updateDevice': return t('vmhistory.calls.updateDevice');
    case 'domains.changeMedia': return t('vmhistory.calls.changeMedia');
    case 'domains.setTags': return t('vmhistory.calls.setTags');
    case 'domains.setMetadataText': return t('vmhistory.calls.setMetadataText');
    case 'snapshots.revert': return t('vmhistory.calls.revert');
    default: return t('vmhistory.calls.other', { call: entry.call });
  }
}

/** The changed elements as paths below the root element (the root's name says nothing: it is always domain). */
export function changedText(entry: HistoryEntrySummary): string[] {
  return entry.changed.map((p) => p.split('/').slice(1).join('/') || p);
}
