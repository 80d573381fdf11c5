import { readFileSync } from 'node:fs';
import { Client } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab.js';

function execOverSsh(lab: Lab, command: string): Promise<{ code: number; out: string; presentedKey: string }> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    let presentedKey = '';
    client.on('error', reject);
    client.on('ready', () => {
      client.exec(command, (err, channel) => {
        if (err) return reject(err);
        let out = '';
        channel.on('data', (b: Buffer) => { out += b.toString('utf8'); });
        channel.stderr.on('data', (b: Buffer) => { out += b.toString('utf8'); });
        channel.on('exit', (code: number) => {
          channel.on('close', () => {
            client.end();
            resolve({ code, out, presentedKey });
          });
        });
      });
    });
    client.connect({
      host: lab.ssh.host,
      port: lab.ssh.port,
      username: lab.ssh.user,
      privateKey: readFileSync(lab.ssh.keyPath),
      hostVerifier: (key: Buffer) => {
        presentedKey = key.toString('base64');
        return `ssh-ed25519 ${presentedKey}` === lab.ssh.hostKey;
      },
    });
  });
}

describe("the lab's sshd", () => {
  let lab: Lab;
  beforeAll(async () => { lab = await startLab(); });
  afterAll(async () => { await lab?.stop(); });

  it('accepts the per-run key and runs virt-ssh-helper', async () => {
    const r = await execOverSsh(lab, 'virt-ssh-helper --version');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^virt-ssh-helper \(libvirt\) \d+\.\d+\.\d+/);
    expect(`ssh-ed25519 ${r.presentedKey}`).toBe(lab.ssh.hostKey);
    expect(readFileSync(lab.ssh.knownHostsPath, 'utf8')).toContain(lab.ssh.hostKey);
  });

  it('refuses a key it did not issue', async () => {
    const other = await startLab();
    try {
      const wrongKey = readFileSync(other.ssh.keyPath);
      await expect(new Promise((resolve, reject) => {
        const client = new Client();
        client.on('error', reject);
        client.on('ready', () => { client.end(); resolve('connected'); });
        client.connect({ host: lab.ssh.host, port: lab.ssh.port, username: 'root', privateKey: wrongKey, hostVerifier: () => true });
      })).rejects.toThrow(/authentication/i);
    } finally {
      await other.stop();
    }
  });
});
