// A cloud-init NoCloud seed: an ISO labelled `cidata` holding user-data and meta-data (cloud-init's datasource
// finds it by that label). The user-data is a #cloud-config document made from the wizard's fields.
import { buildIso } from '../iso/iso9660-writer.js';

export interface CloudInitSpec {
  readonly hostname: string;
  readonly user: string;
  /** Plain text; cloud-init hashes nothing itself, so it is set through chpasswd. Empty: no password. */
  readonly password?: string;
  readonly sshKeys?: readonly string[];
  /** A #cloud-config document whose top-level keys are appended (the user's own additions). */
  readonly extraUserData?: string;
  /** meta-data's instance-id: a new one makes cloud-init run again. */
  readonly instanceId: string;
}

/** YAML double-quoted scalar: safe for any text. */
const q = (s: string): string => JSON.stringify(s);

export function cloudConfig(spec: CloudInitSpec): string {
  const lines = ['#cloud-config', `hostname: ${q(spec.hostname)}`, 'users:', `  - name: ${q(spec.user)}`, '    sudo: "ALL=(ALL) NOPASSWD:ALL"', '    shell: /bin/bash'];
  if (spec.password) lines.push('    lock_passwd: false');
  const keys = spec.sshKeys ?? [];
  if (keys.length) {
    lines.push('    ssh_authorized_keys:');
    for (const k of keys) lines.push(`      - ${q(k)}`);
  }
  if (spec.password) {
    lines.push('ssh_pwauth: true', 'chpasswd:', '  expire: false', '  users:', `    - name: ${q(spec.user)}`, `      password: ${q(spec.password)}`, '      type: text');
  }
  const extra = spec.extraUserData?.replace(/^\s*#cloud-config\s*\n?/, '').trimEnd();
  if (extra) lines.push(extra);
  return `${lines.join('\n')}\n`;
}

export function metaData(spec: CloudInitSpec): string {
  return `instance-id: ${q(spec.instanceId)}\nlocal-hostname: ${q(spec.hostname)}\n`;
}

export function buildNoCloudSeed(spec: CloudInitSpec, date?: Date): Uint8Array {
  const enc = new TextEncoder();
  return buildIso([
    { name: 'user-data', data: enc.encode(cloudConfig(spec)) },
    { name: 'meta-data', data: enc.encode(metaData(spec)) },
  ], { volumeId: 'cidata', ...(date ? { date } : {}) });
}
