import { describe, expect, it } from 'vitest';
import { GuestConsole } from '../../../drivers/demo/guest-console.js';

const INFO = { hostname: 'unit', memoryKiB: 1048576, vcpus: 2, disks: [{ target: 'vda', bytes: 10 * 1024 ** 3 }], nics: [{ mac: '52:54:00:00:00:09' }] };

function harness() {
  const calls: string[] = [];
  const con = new GuestConsole(INFO, { powerOff: () => calls.push('off'), reboot: () => calls.push('reboot') }, 1);
  let out = '';
  con.attach((t) => {
    out += t;
  });
  const until = async (re: RegExp): Promise<string> => {
    for (let i = 0; i < 200 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 5));
    expect(out).toMatch(re);
    return out;
  };
  const type = (s: string): void => con.input(new TextEncoder().encode(s));
  return { con, calls, until, type, get out() {
    return out;
  } };
}

describe('Demo host guest console', () => {
  it('prints a boot log, then a shell prompt', async () => {
    const h = harness();
    h.con.boot();
    const text = await h.until(/root@unit:~# $/);
    expect(text).toMatch(/Linux version 6\.1\.0-hangar/);
    expect(text).toMatch(/Brought up 1 node, 2 CPUs/);
    expect(text).toMatch(/\[vda\] 20971520 512-byte logical blocks/);
    h.con.dispose();
  });

  it('echoes keystrokes, handles backspace and answers commands', async () => {
    const h = harness();
    h.con.boot();
    await h.until(/# $/);
    h.type('hostnamx\x7fe\r');
    await h.until(/\r\nunit\r\n/);
    // Backspace echoes as BS, space, BS.
    expect(h.out).toContain('hostnamx\b \be\r\nunit\r\n');
    h.type('nproc\r');
    await h.until(/nproc\r\n2\r\n/);
    h.type('frobnicate\r');
    await h.until(/-sh: frobnicate: command not found/);
    h.con.dispose();
  });

  it('ignores input while booting and asks the host to power off or reboot', async () => {
    const h = harness();
    h.con.boot();
    h.type('poweroff\r');
    expect(h.calls).toEqual([]);
    await h.until(/# $/);
    h.type('reboot\r');
    await h.until(/Rebooting/);
    for (let i = 0; i < 100 && h.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(h.calls).toEqual(['reboot']);
    h.con.dispose();
  });

  it('tells close listeners and stops printing when disposed', async () => {
    const h = harness();
    let closed = 0;
    h.con.onClosed(() => closed++);
    h.con.boot();
    h.con.dispose();
    const len = h.out.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(h.out.length).toBe(len);
    expect(closed).toBe(1);
  });
});
