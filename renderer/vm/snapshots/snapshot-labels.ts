import type { TFunction } from 'i18next';
import type { SnapshotSummary } from '../../../main/api/contract/index.js';

const STATES = new Set(['running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended', 'disk-snapshot']);

/** The VM state a snapshot holds, in words (libvirt's own word when it is one Hangar does not know). */
export function snapshotStateLabel(t: TFunction, state: string | null): string {
  if (state === null) return t('lifecycle.snap.stateUnknown');
  return STATES.has(state) ? t(`lifecycle.snap.state.${state}`) : state;
}

export function snapshotKindLabel(t: TFunction, kind: SnapshotSummary['kind']): string {
  return t(`lifecycle.snap.kind.${kind}`);
}

/** libvirt's version number (major * 1,000,000 + minor * 1,000 + release) as people write it. */
export const versionText = (v: number): string => `${Math.floor(v / 1_000_000)}.${Math.floor(v / 1_000) % 1_000}.${v % 1_000}`;

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The field a call's error names, if any (CallError carries libvirt's or the schema's). */
export function errorField(e: unknown): string | undefined {
  const err = e as { error?: { field?: string } };
  return err.error?.field;
}

export function errorCode(e: unknown): number | undefined {
  const err = e as { error?: { code?: number } };
  return err.error?.code;
}
