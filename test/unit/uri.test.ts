import { describe, expect, it } from 'vitest';
import { daemonUri, localSocketPath, parseUri, uriFlag, uriParam, UriError } from '../../drivers/uri.js';

describe('parseUri', () => {
  it('reads a local system URI as unix transport', () => {
    const u = parseUri('qemu:///system');
    expect(u).toMatchObject({ driver: 'qemu', transport: 'unix', explicitTransport: undefined, path: '/system' });
    expect(u.host).toBeUndefined();
  });

  it('reads an ssh URI with user, port and client parameters', () => {
    const u = parseUri('qemu+ssh://alice@host.example:2222/system?keyfile=/k/id%20x&proxy=netcat&no_verify=1&socket=/s');
    expect(u).toMatchObject({ driver: 'qemu', transport: 'ssh', user: 'alice', host: 'host.example', port: 2222, path: '/system' });
    expect(uriParam(u, 'keyfile')).toBe('/k/id x');
    expect(uriParam(u, 'proxy')).toBe('netcat');
    expect(uriFlag(u, 'no_verify')).toBe(true);
    expect(uriFlag(u, 'no_tty')).toBe(false);
  });

  it('defaults to tls when a host is given without a transport', () => {
    expect(parseUri('qemu://h/system').transport).toBe('tls');
  });

  it('keeps IPv6 literals without brackets', () => {
    const u = parseUri('qemu+tcp://[::1]:16509/system');
    expect(u.host).toBe('::1');
    expect(u.port).toBe(16509);
  });

  it('keeps a test-driver file path', () => {
    expect(parseUri('test:///abs/path/node.xml').path).toBe('/abs/path/node.xml');
  });

  it('does not turn + into a space in parameters', () => {
    expect(uriParam(parseUri('qemu+unix:///system?socket=/tmp/a+b'), 'socket')).toBe('/tmp/a+b');
  });

  it('rejects malformed URIs and unknown transports', () => {
    expect(() => parseUri('not a uri')).toThrow(UriError);
    expect(() => parseUri('qemu+pigeon://h/system')).toThrow(/pigeon/);
    expect(() => parseUri('qemu+tcp://h:99999/system')).toThrow(/port/);
  });
});

describe('daemonUri', () => {
  it('drops transport, host and client-only parameters', () => {
    expect(daemonUri(parseUri('qemu+ssh://root@h:22/system?keyfile=/k&no_verify=1'))).toBe('qemu:///system');
    expect(daemonUri(parseUri('test+unix:///default?socket=/tmp/s'))).toBe('test:///default');
  });

  it('keeps parameters meant for the daemon and honours ?name=', () => {
    expect(daemonUri(parseUri('qemu+unix:///system?socket=/s&foo=bar'))).toBe('qemu:///system?foo=bar');
    expect(daemonUri(parseUri('qemu+ssh://h/?name=qemu:///session'))).toBe('qemu:///session');
  });
});

describe('localSocketPath', () => {
  const none = { exists: () => false };
  it('uses ?socket= first', () => {
    expect(localSocketPath(parseUri('qemu+unix:///system?socket=/x/y'), none)).toBe('/x/y');
  });
  it('prefers the modular daemon socket when it exists', () => {
    const env = { exists: (p: string) => p === '/run/libvirt/virtqemud-sock' };
    expect(localSocketPath(parseUri('qemu:///system'), env)).toBe('/run/libvirt/virtqemud-sock');
    expect(localSocketPath(parseUri('qemu:///system'), none)).toBe('/run/libvirt/libvirt-sock');
  });
  it('puts session sockets in the runtime dir', () => {
    expect(localSocketPath(parseUri('qemu:///session'), { exists: () => false, runtimeDir: '/run/user/1000' }))
      .toBe('/run/user/1000/libvirt/libvirt-sock');
  });
});
