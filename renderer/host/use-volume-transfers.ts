// Volume uploads and downloads over byte channels, with their progress and a cancel, per volume.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ByteChannel } from '../../main/api/contract/byte-channel.js';
import type { ChannelCall } from '../../main/api/contract/channels.js';
import type { CallInput } from '../../main/api/contract/index.js';
import { useApi, useNotifications } from '../state/hooks.js';
import { errorText } from './use-host-action.js';

export interface Transfer {
  readonly kind: 'upload' | 'download';
  readonly done: number;
  /** 0 when not known. */
  readonly total: number;
}

export interface VolumeTransfers {
  /** By transferKey(pool, volume). */
  readonly active: ReadonlyMap<string, Transfer>;
  upload(pool: string, volume: string, file: File): void;
  download(pool: string, volume: string, expected: number): void;
  cancel(key: string): void;
}

export const transferKey = (pool: string, volume: string): string => `${pool}/${volume}`;

const CANCELLED = 'cancelled by the user';
/** Progress is shown at most this often (ms). */
const TICK = 50;

export function useVolumeTransfers(connection: string): VolumeTransfers {
  const { t } = useTranslation();
  const api = useApi();
  const notifications = useNotifications();
  const [active, setActive] = useState<ReadonlyMap<string, Transfer>>(new Map());
  const channels = useRef(new Map<string, ByteChannel>());
  const cancelled = useRef(new Set<string>());
  const running = useRef(new Set<string>());

  const set = useCallback((volume: string, value: Transfer | undefined) => {
    setActive((m) => {
      const next = new Map(m);
      if (value) next.set(volume, value);
      else next.delete(volume);
      return next;
    });
  }, []);

  const run = useCallback(async (key: string, volume: string, kind: Transfer['kind'], open: () => Promise<ByteChannel>, work: (ch: ByteChannel, progress: (done: number) => void) => Promise<void>, total: number): Promise<void> => {
    if (running.current.has(key)) return;
    running.current.add(key);
    cancelled.current.delete(key);
    set(key, { kind, done: 0, total });
    let last = 0;
    const progress = (done: number): void => {
      const now = performance.now();
      if (now - last < TICK) return;
      last = now;
      set(key, { kind, done, total });
    };
    try {
      const ch = await open();
      channels.current.set(key, ch);
      if (cancelled.current.has(key)) throw new Error(CANCELLED);
      await work(ch, progress);
      notifications.push({ variant: 'success', title: t(kind === 'upload' ? 'hostdetails.transfer.uploaded' : 'hostdetails.transfer.downloaded', { volume }) });
    } catch (e) {
      if (cancelled.current.has(key)) notifications.push({ variant: 'info', title: t('hostdetails.transfer.cancelled', { volume }) });
      else notifications.push({ variant: 'danger', title: t('hostdetails.failed', { object: volume }), detail: errorText(e) });
    } finally {
      channels.current.get(key)?.close(CANCELLED);
      channels.current.delete(key);
      running.current.delete(key);
      set(key, undefined);
    }
  }, [notifications, set, t]);

  const openChannel = useCallback(<C extends ChannelCall>(call: C, input: CallInput<C>): Promise<ByteChannel> => {
    if (!api.openChannel) return Promise.reject(new Error('byte channels are not available'));
    return api.openChannel(call, input);
  }, [api]);

  const upload = useCallback((pool: string, volume: string, file: File) => {
    void run(transferKey(pool, volume), volume, 'upload', () => openChannel('storage.uploadVolume', { connection, pool, volume, length: file.size }), async (ch, progress) => {
      const reader = file.stream().getReader();
      let sent = 0;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          await ch.send(value);
          sent += value.byteLength;
          progress(sent);
        }
      } finally {
        reader.releaseLock();
      }
      await ch.end();
      const end = await ch.closed;
      if (end.error) throw new Error(end.reason);
    }, file.size);
  }, [connection, openChannel, run]);

  const download = useCallback((pool: string, volume: string, expected: number) => {
    void run(transferKey(pool, volume), volume, 'download', () => openChannel('storage.downloadVolume', { connection, pool, volume }), async (ch, progress) => {
      const chunks: Uint8Array[] = [];
      let received = 0;
      for await (const chunk of ch) {
        chunks.push(chunk);
        received += chunk.byteLength;
        progress(received);
      }
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = volume;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }, expected);
  }, [connection, openChannel, run]);

  const cancel = useCallback((key: string) => {
    cancelled.current.add(key);
    channels.current.get(key)?.close(CANCELLED);
  }, []);

  return { active, upload, download, cancel };
}
