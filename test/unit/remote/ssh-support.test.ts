import { createHash, generateKeyPairSync } from 'node:crypto';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkKnownHosts, fingerprint, keyType, knownHostsLine } from '../../../drivers/remote/known-hosts.js';
import { parseJump, parseSshConfig, resolveSshHost } from '../../../drivers/remote/ssh-config.js';
import { remoteProxyCommand, shellQuote } from '../../../drivers/remote/ssh-transport.js';
import { parseUri } from '../../../drivers/uri.js';

function ed25519Blob(): Buffer {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const t = Buffer.from('ssh-ed25519');
  const b = Buffer.alloc(4 + t.length + 4 + raw.length);
  b.writeUInt32BE(t.length, 0);
  t.copy(b, 4);
  b.writeUInt32BE(raw.length, 4 + t.length);
  raw.copy(b, 8 + t.length);
  return b;
}

describe('known_hosts', () => {
  const key = ed25519Blob();
  const other = ed25519Blob();

  it('knows a listed key, by plain or hashed name, with [host]:port for other ports', () => {
    expect(checkKnownHosts(knownHostsLine('h.example', 22, key), 'h.example', 22, key)).toBe('known');
    expect(checkKnownHosts(knownHostsLine('127.0.0.1', 2222, key), '127.0.0.1', 2222, key)).toBe('known');
    expect(checkKnownHosts(knownHostsLine('127.0.0.1', 2222, key), '127.0.0.1', 22, key)).toBe('unknown');
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update('h.example').digest('base64');
    expect(checkKnownHosts(`|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${key.toString('base64')}`, 'h.example', 22, key)).toBe('known');
  });

  it('calls a different key of the same type a change, and honours @revoked', () => {
    expect(checkKnownHosts(knownHostsLine('h', 22, other), 'h', 22, key)).toBe('changed');
    expect(checkKnownHosts(`h ssh-rsa AAAA\n`, 'h', 22, key)).toBe('unknown');
    expect(checkKnownHosts(`@revoked h ssh-ed25519 ${key.toString('base64')}\n`, 'h', 22, key)).toBe('revoked');
  });

  it('prints fingerprints as OpenSSH does', () => {
    expect(fingerprint(key)).toBe(`SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`);
    expect(keyType(key)).toBe('ssh-ed25519');
  });
});

describe('~/.ssh/config', () => {
  const cfg = parseSshConfig(`
Host jump
  HostName jump.example.org
  User hop
Host vm* !vm-excluded
  HostName %h.lan
  Port 2200
  IdentityFile ~/.ssh/vm_key
  ProxyJump hop@jump:2022
Host *
  User fallback
  IdentityFile %d/.ssh/default_key
`);
  const env = { home: '/home/u', localUser: 'u' };

  it('applies first-match-wins with accumulated identity files', () => {
    expect(resolveSshHost(cfg, 'vm1', env)).toEqual({
      hostName: 'vm1.lan', user: 'fallback', port: 2200,
      identityFiles: ['/home/u/.ssh/vm_key', '/home/u/.ssh/default_key'], proxyJump: 'hop@jump:2022',
    });
    expect(resolveSshHost(cfg, 'vm-excluded', env)).toEqual({ user: 'fallback', identityFiles: ['/home/u/.ssh/default_key'] });
    expect(resolveSshHost(cfg, 'jump', env).user).toBe('hop');
    expect(parseJump('hop@jump:2022')).toEqual({ user: 'hop', host: 'jump', port: 2022 });
  });
});

describe('remote proxy command', () => {
  it('runs virt-ssh-helper in native mode, nc on the socket in netcat mode, and tries the helper first in auto mode', () => {
    expect(remoteProxyCommand(parseUri('qemu+ssh://h/system?proxy=native'))).toBe(`sh -c ${shellQuote("exec virt-ssh-helper 'qemu:///system'")}`);
    const nc = remoteProxyCommand(parseUri('qemu+ssh://h/system?proxy=netcat&socket=/run/x%20y'));
    expect(nc).toContain('exec');
    expect(nc).toContain("-U");
    expect(nc).toContain('/run/x y');
    expect(remoteProxyCommand(parseUri('qemu+ssh://h/system'))).toContain('command -v virt-ssh-helper');
    expect(() => remoteProxyCommand(parseUri('qemu+ssh://h/system?proxy=magic'))).toThrow(/unknown proxy mode/);
  });

  it('quotes for the remote shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
