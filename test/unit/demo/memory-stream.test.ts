import { describe, expect, it } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import { MemoryStream } from '../../../drivers/demo/memory-stream.js';

function sink() {
  const written: Uint8Array[] = [];
  let finished = false;
  let aborted = false;
  return {
    written,
    get finished() {
      return finished;
    },
    get aborted() {
      return aborted;
    },
    write: (c: Uint8Array) => void written.push(c),
    finish: () => {
      finished = true;
    },
    abort: () => {
      aborted = true;
    },
  };
}

describe('Demo host streams', () => {
  it('pauses the producer while the consumer does not read (back-pressure)', async () => {
    const s = new MemoryStream(sink());
    const big = new Uint8Array(200 * 1024);
    await s.push(big);
    let released = false;
    const second = s.push(big).then(() => {
      released = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(released).toBe(false);
    const it = s[Symbol.asyncIterator]();
    await it.next();
    await second;
    expect(released).toBe(true);
    s.dispose();
  });

  it('delivers to listeners in push mode, queued chunks first', async () => {
    const s = new MemoryStream(sink());
    await s.push(new Uint8Array([1]));
    const got: number[] = [];
    s.onData((c) => got.push(...c));
    await s.push(new Uint8Array([2, 3]));
    expect(got).toEqual([1, 2, 3]);
    s.dispose();
  });

  it('ends iteration at end of stream and throws the error of a failed stream', async () => {
    const ok = new MemoryStream(sink());
    void ok.push(new Uint8Array([9]));
    ok.end(null);
    const chunks: number[] = [];
    for await (const c of ok) chunks.push(...c);
    expect(chunks).toEqual([9]);
    expect(ok.open).toBe(false);

    const bad = new MemoryStream(sink());
    bad.end(new api.VirError(api.VIR_ERR_OPERATION_ABORTED, api.VIR_FROM_STREAMS, 'operation aborted'));
    await expect(
      (async () => {
        for await (const _ of bad) void _;
      })(),
    ).rejects.toMatchObject({ code: api.VIR_ERR_OPERATION_ABORTED });
  });

  it('passes sends to its sink, finishes and aborts once, and refuses sends after', async () => {
    const k = sink();
    const s = new MemoryStream(k);
    const ends: (api.VirError | null)[] = [];
    s.onEnd((e) => ends.push(e));
    await s.send(new Uint8Array([5]));
    await s.finish();
    await s.abort();
    expect(k.written).toHaveLength(1);
    expect([k.finished, k.aborted]).toEqual([true, false]);
    expect(ends).toEqual([null]);
    await expect(s.send(new Uint8Array([1]))).rejects.toMatchObject({ code: api.VIR_ERR_INVALID_STREAM });
  });
});
