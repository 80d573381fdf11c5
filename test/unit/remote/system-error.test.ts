// Node's system error codes become strerror's words in connection errors, as libvirt shows them: the mapping,
// and what a person sees for a missing socket, a refused TCP port and a broken pipe.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { VirError, VIR_ERR_NO_CONNECT } from '../../../drivers/api/index.js';
import { openRemoteConnection } from '../../../drivers/remote/index.js';
import { RpcClient } from '../../../drivers/remote/rpc-client.js';
import { errnoText, systemErrorText } from '../../../drivers/remote/system-error.js';

const sysError = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('errno words', () => {
  it('names the codes a connection meets as strerror does', () => {
    expect(errnoText('ENOENT')).toBe('No such file or directory');
    expect(errnoText('ECONNREFUSED')).toBe('Connection refused');
    expect(errnoText('EPIPE')).toBe('Broken pipe');
    expect(errnoText('ECONNRESET')).toBe('Connection reset by peer');
    expect(errnoText('EACCES')).toBe('Permission denied');
    expect(errnoText('ETIMEDOUT')).toBe('Connection timed out');
    expect(errnoText('EHOSTUNREACH')).toBe('No route to host');
    expect(errnoText('ENOTFOUND')).toBe('Name or service not known');
  });

  it('falls back to libuv\'s text for other system errors, capitalised, and knows no made-up codes', () => {
    expect(errnoText('EADDRINUSE')).toBe('Address already in use');
    expect(errnoText('ERR_SOMETHING')).toBeUndefined();
  });

  it("maps an error by its code, and keeps its own message when it has none", () => {
    expect(systemErrorText(sysError('connect ENOENT /run/libvirt/libvirt-sock', 'ENOENT'))).toBe('No such file or directory');
    expect(systemErrorText(sysError('write EPIPE', 'EPIPE'))).toBe('Broken pipe');
    expect(systemErrorText(new Error('Timed out while waiting for handshake'))).toBe('Timed out while waiting for handshake');
    expect(systemErrorText(sysError('bad', 'ERR_STREAM_DESTROYED'))).toBe('bad');
    expect(systemErrorText('plain')).toBe('plain');
  });
});

describe('connection errors in words', () => {
  async function openError(uri: string): Promise<VirError> {
    const e = await openRemoteConnection(uri).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(VirError);
    return e as VirError;
  }

  it('a missing socket path: the path and "No such file or directory"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hangar-nosock-'));
    try {
      const path = join(dir, 'libvirt-sock');
      const e = await openError(`qemu+unix:///system?socket=${path}`);
      expect(e.code).toBe(VIR_ERR_NO_CONNECT);
      expect(e.message).toBe(`Failed to connect socket to '${path}': No such file or directory`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a refused TCP port: the address and "Connection refused"', async () => {
    // A port that was just free: nothing listens there now.
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((r) => server.close(() => r()));
    const e = await openError(`qemu+tcp://127.0.0.1:${port}/system`);
    expect(e.message).toBe(`unable to connect to server at '127.0.0.1:${port}': Connection refused`);
  });

  it('a broken pipe during a call: "Broken pipe", naming the peer', async () => {
    const io = new Duplex({
      read() {},
      write(_chunk, _enc, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' }));
      },
    });
    const rpc = new RpcClient(io, 'libvirt daemon at /run/libvirt/libvirt-sock');
    const e = await rpc.call('CONNECT_GET_HOSTNAME', undefined).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(VirError);
    expect((e as VirError).message).toBe('libvirt daemon at /run/libvirt/libvirt-sock: Broken pipe');
  });
});
