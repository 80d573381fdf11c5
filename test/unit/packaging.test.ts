import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/app-process.js';

const read = (f: string): string => readFileSync(join(projectRoot, f), 'utf8');

function desktopEntry(): Map<string, string> {
  return new Map(read('assets/hangar.desktop').split('\n').filter((l) => /^[A-Za-z]+=/.test(l)).map((l) => {
    const i = l.indexOf('=');
    return [l.slice(0, i), l.slice(i + 1)] as const;
  }));
}

describe('packaging (electron-builder.yml)', () => {
  const yml = read('electron-builder.yml');
  it('builds an AppImage and a deb for Linux with the icon from assets/', () => {
    expect(yml).toMatch(/target:\s*\n\s*- AppImage\s*\n\s*- deb/);
    expect(yml).toMatch(/icon: assets\/icon\.png/);
    const png = readFileSync(join(projectRoot, 'assets', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256); // width: Linux packages want ≥ 256 px
  });
  it("uses the desktop entry of assets/hangar.desktop", () => {
    const entry = desktopEntry();
    for (const key of ['Name', 'GenericName', 'Categories', 'Keywords', 'StartupWMClass']) {
      expect(yml, key).toContain(`${key}: ${entry.get(key) ?? '(missing)'}`);
    }
    expect(entry.get('Exec')).toMatch(/^hangar /);
    expect(yml).toContain('executableName: hangar');
  });
  it('packages the built app, not the sources', () => {
    expect(yml).toMatch(/files:\s*\n\s*- out\/\*\*/);
    expect(existsSync(join(projectRoot, 'assets', 'icon.svg'))).toBe(true);
  });
});

const BIN = join(projectRoot, 'out', 'main', 'cli', 'hangar.js');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command with `node` found on PATH, as a shell would for the bin's `#!/usr/bin/env node`. */
function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  if (!existsSync(BIN)) throw new Error('out/main/cli/hangar.js is not built: run `npm run build:node` first.');
  const path = `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`;
  return new Promise((resolve) => {
    execFile(file, args, { cwd: projectRoot, timeout: 60_000, env: { ...process.env, PATH: path, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('the hangar bin (package.json "bin", runs the built CLI without compiling)', () => {
  it('is declared, built with its shebang and executable', () => {
    const pkg = JSON.parse(read('package.json')) as { bin?: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.bin).toEqual({ hangar: 'out/main/cli/hangar.js' });
    expect(pkg.scripts['cli']).not.toMatch(/tsc|build:node --silent &&/); // no type-check before every command
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(BIN).mode & 0o111).toBe(0o111);
  });

  it.each([['--help'], ['-h'], ['help'], ['list', '--help']])('prints usage for %s and exits 0', async (...args) => {
    const r = await run(BIN, args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: hangar <list\|dumpxml NAME\|start NAME\|destroy NAME\|inventory> --connect URI\n/);
    for (const word of ['list', 'dumpxml NAME', 'start NAME', 'destroy NAME', 'inventory', '-c, --connect URI', 'Exit status']) {
      expect(r.stdout).toContain(word);
    }
  });

  it('still calls a wrong command bad usage (exit 2), and lists the Demo host', async () => {
    const bad = await run(BIN, ['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^hangar: unknown command 'frobnicate'\nusage: hangar/);
    const list = await run(BIN, ['list', '--connect', 'test:///default']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ Id\s+Name\s+State\n/);
  });

  it('runs through `npm run cli` too', async () => {
    const r = await run('npm', ['run', '--silent', 'cli', '--', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: hangar /);
  });
});

describe('the hangar bin loads only what the URI needs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hangar-loaded-'));
    // A module hook that notes every ES module (and the CommonJS packages imported from one) as it loads.
    writeFileSync(join(dir, 'hooks.mjs'), [
      "import { appendFileSync } from 'node:fs';",
      'export async function load(url, context, next) {',
      "  appendFileSync(process.env.HANGAR_LOADED_LOG, url + '\\n');",
      '  return next(url, context);',
      '}',
    ].join('\n'));
    writeFileSync(join(dir, 'preload.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function loaded(name: string, uri: string): Promise<{ run: Run; modules: string[] }> {
    const log = join(dir, `${name}.log`);
    const r = await run(process.execPath, ['--import', join(dir, 'preload.mjs'), BIN, 'list', '--connect', uri], {
      HANGAR_LOADED_LOG: log, HOME: dir,
    });
    const modules = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:'))
      .map((u) => u.slice(`file://${projectRoot}/`.length));
    expect(modules).toContain('out/main/cli/hangar.js');
    return { run: r, modules };
  }
  const ssh = (m: string): boolean => m.startsWith('node_modules/ssh2/') || /^out\/drivers\/remote\/ssh-/.test(m);

  it('the Demo host: neither the SSH stack nor the RPC client', async () => {
    const { run: r, modules } = await loaded('demo', 'test:///default');
    expect(r.code).toBe(0);
    expect(modules.filter(ssh)).toEqual([]);
    expect(modules.filter((m) => m.startsWith('out/drivers/remote/'))).toEqual([]);
  });

  it('a unix socket: the RPC client, not the SSH stack', async () => {
    const { run: r, modules } = await loaded('unix', `qemu+unix:///system?socket=${join(dir, 'no-such-sock')}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: Failed to connect socket to '${join(dir, 'no-such-sock')}': No such file or directory\n`);
    expect(modules).toContain('out/drivers/remote/rpc-client.js');
    expect(modules.filter(ssh)).toEqual([]);
  });

  it('an SSH URI does load ssh2 (so the probe above would see it)', async () => {
    const { modules } = await loaded('ssh', 'qemu+ssh://nobody@127.0.0.1:1/system');
    expect(modules).toContain('node_modules/ssh2/lib/index.js');
    expect(modules).toContain('out/drivers/remote/ssh-transport.js');
  });
});
