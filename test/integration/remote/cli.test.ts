// The command line (main/cli/hangar.ts) against the lab: list, dumpxml, start, destroy, inventory, errors.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab.js';

const CLI = fileURLToPath(new URL('../../../main/cli/hangar.ts', import.meta.url));
let lab: Lab;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  lab = await startLab();
  const file = join(lab.dir, 'cli-g.xml');
  writeFileSync(file, lab.tinyGuestXml({ name: 'cli-g' }));
  await lab.virsh(['define', file]);
});

afterAll(async () => {
  await lab?.stop();
});

describe('hangar cli', () => {
  it('lists, starts, dumps, destroys a domain like virsh', async () => {
    let r = await cli('list', '--connect', lab.uri);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/-\s+cli-g\s+shut off/);
    r = await cli('start', 'cli-g', '--connect', lab.uri);
    expect(r).toMatchObject({ code: 0, stdout: "Domain 'cli-g' started\n" });
    expect((await lab.virsh(['domstate', 'cli-g'])).trim()).toBe('running');
    r = await cli('list', '--connect', lab.uri);
    expect(r.stdout).toMatch(/\d+\s+cli-g\s+running/);
    r = await cli('dumpxml', 'cli-g', '--connect', lab.uri);
    expect(r.stdout).toBe(await lab.virsh(['dumpxml', 'cli-g']));
    r = await cli('destroy', 'cli-g', '--connect', lab.uri);
    expect(r).toMatchObject({ code: 0, stdout: "Domain 'cli-g' destroyed\n" });
    r = await cli('destroy', 'cli-g', '--connect', lab.uri);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: Requested operation is not valid: domain is not running\n');
  });

  it('takes an inventory of the test driver and reports usage errors', async () => {
    const r = await cli('inventory', '--connect', `test+unix:///default?socket=${lab.socketPath}`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ domains: 1, networks: 1, pools: 1 });
    const bad = await cli('frobnicate', '--connect', lab.uri);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
