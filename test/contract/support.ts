// Helpers for contract cases: asserting libvirt errors, and collecting events (which arrive asynchronously on
// every backend, so a case waits for them instead of expecting them synchronously).
import { expect } from 'vitest';
import * as api from '../../drivers/api/index.js';

/** Awaits `p`, expects it to fail with a VirError of `code` (and a message matching `message`). */
export async function expectVirError(p: Promise<unknown>, code: number, message?: RegExp): Promise<api.VirError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a VirError').toBeInstanceOf(api.VirError);
  const err = caught as api.VirError;
  expect({ code: err.code, message: err.message }).toMatchObject({ code });
  if (message) expect(err.message).toMatch(message);
  return err;
}

export interface EventLog<E> {
  readonly events: E[];
  /** Resolves with the first (past or future) event matching `pred`, or rejects after `ms`. */
  next(pred: (e: E) => boolean, ms?: number): Promise<E>;
  dispose(): Promise<void>;
}

export async function collect<E>(register: (listener: (e: E) => void) => Promise<api.AsyncDisposable>): Promise<EventLog<E>> {
  const events: E[] = [];
  const waiters = new Set<() => void>();
  const reg = await register((e) => {
    events.push(e);
    for (const w of [...waiters]) w();
  });
  return {
    events,
    next(pred, ms = 3000) {
      return new Promise<E>((resolve, reject) => {
        const check = (): boolean => {
          const hit = events.find(pred);
          if (hit !== undefined) {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve(hit);
            return true;
          }
          return false;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events.map(summarize))}`));
        }, ms);
        waiters.add(wake);
        check();
      });
    },
    dispose: () => reg.dispose(),
  };
}

function summarize(e: unknown): unknown {
  if (typeof e !== 'object' || e === null) return e;
  const o = e as Record<string, unknown>;
  const obj = (o.domain ?? o.network ?? o.pool ?? o.device) as { name?: string } | undefined;
  return { ...o, domain: undefined, network: undefined, pool: undefined, device: undefined, name: obj?.name };
}

/** Lifecycle events of one connection. */
export function domainLifecycle(conn: api.Connection): Promise<EventLog<api.DomainLifecycleEvent>> {
  return collect((l) => conn.domainEventRegisterAny(api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, l));
}

export function names(objs: readonly { readonly name: string }[]): string[] {
  return objs.map((o) => o.name).sort();
}

/** A minimal domain definition the test driver and the Demo host both accept. */
export function domainXml(name: string, opts: { uuid?: string; memKiB?: number; vcpus?: number } = {}): string {
  return `<domain type='test'>
  <name>${name}</name>${opts.uuid ? `\n  <uuid>${opts.uuid}</uuid>` : ''}
  <memory unit='KiB'>${opts.memKiB ?? 262144}</memory>
  <vcpu>${opts.vcpus ?? 1}</vcpu>
  <os><type>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/contract/${name}.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>
</domain>`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function param(rec: api.DomainStatsRecord, field: string): number | string | boolean | undefined {
  return rec.params.find((p) => p.field === field)?.value;
}
