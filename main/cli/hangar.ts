#!/usr/bin/env node
// `hangar <command> --connect URI` (the package's bin; `npm run cli -- …` runs the same built file): a small
// command line on Hangar's drivers for scripting. Commands and exit status: see HELP.
import { createInterface } from 'node:readline/promises';
import { openConnection } from '../../drivers/index.js';
import { VirError, type Connection } from '../../drivers/api/index.js';
// Types only: the drivers themselves are loaded by openConnection for the URI given (no SSH stack for a socket).
import type { HostKeyInfo, RemoteOpenOptions } from '../../drivers/remote/index.js';
import { detectOs, parseDetectArgs, DETECT_HELP } from './detect-os.js';

const USAGE = 'usage: hangar <list|dumpxml NAME|start NAME|destroy NAME|inventory> --connect URI\n       hangar detect-os PATH | hangar detect-os --connect URI --pool POOL --volume VOLUME';

const HELP = `${USAGE}

Commands:
  list                all domains: id, name, state
  dumpxml NAME        a domain's XML
  start NAME          starts a defined domain
  destroy NAME        stops a running domain at once
  inventory           lists everything, fetches every object's XML and each domain's state; prints counts and time
${DETECT_HELP}  help                this text (also -h, --help)

Options:
  -c, --connect URI   the host: qemu:///system, qemu+ssh://user@host/system, test:///default (the Demo host)…
                      (default: $LIBVIRT_DEFAULT_URI, else qemu:///system)

Exit status: 0 on success, 1 on a libvirt error (message on stderr), 2 on bad usage, 3 when detect-os matched nothing.
`;

const STATE_NAMES = ['no state', 'running', 'blocked', 'paused', 'in shutdown', 'shut off', 'crashed', 'pmsuspended'];

interface Args {
  readonly command: string;
  readonly name: string | undefined;
  readonly uri: string;
}

function wantsHelp(argv: readonly string[]): boolean {
  return argv[0] === 'help' || argv.some((a) => a === '--help' || a === '-h');
}

function parseArgs(argv: readonly string[]): Args | string {
  let uri = process.env['LIBVIRT_DEFAULT_URI'] ?? 'qemu:///system';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--connect' || a === '-c') {
      const v = argv[++i];
      if (!v) return '--connect needs a URI';
      uri = v;
    } else if (a.startsWith('--connect=')) {
      uri = a.slice('--connect='.length);
    } else {
      rest.push(a);
    }
  }
  const [command, name] = rest;
  if (!command) return 'no command given';
  if (['dumpxml', 'start', 'destroy'].includes(command) && !name) return `${command} needs a domain name`;
  if (!['list', 'dumpxml', 'start', 'destroy', 'inventory'].includes(command)) return `unknown command '${command}'`;
  return { command, name, uri };
}

async function ask(question: string, hidden = false): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    if (hidden) process.stderr.write('(input hidden) ');
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

async function open(uri: string): Promise<Connection> {
  if (!/^[a-z0-9.-]+\+ssh/i.test(uri)) return openConnection(uri);
  const options: RemoteOpenOptions = {
    ssh: {
      password: ({ user, host }) => ask(`${user}@${host}'s password: `, true),
      passphrase: ({ keyPath }) => ask(`Passphrase for ${keyPath}: `, true),
      unknownHostKey: async (info: HostKeyInfo) => {
        const a = await ask(`The authenticity of host '${info.host}' can't be established.\n` +
          `${info.keyType} key fingerprint is ${info.fingerprint}.\nAre you sure you want to continue connecting (yes/no)? `);
        return a?.trim().toLowerCase() === 'yes';
      },
    },
  };
  return openConnection(uri, options);
}

async function list(conn: Connection): Promise<void> {
  const doms = await conn.listAllDomains();
  const rows = await Promise.all(doms.map(async (d) => ({ id: d.id, name: d.name, state: (await d.getState()).state })));
  rows.sort((a, b) => (a.id < 0 ? 1e9 : a.id) - (b.id < 0 ? 1e9 : b.id) || a.name.localeCompare(b.name));
  const width = Math.max(4, ...rows.map((r) => r.name.length));
  console.log(` ${'Id'.padEnd(4)} ${'Name'.padEnd(width)}   State`);
  console.log('-'.repeat(width + 18));
  for (const r of rows) console.log(` ${(r.id < 0 ? '-' : String(r.id)).padEnd(4)} ${r.name.padEnd(width)}   ${STATE_NAMES[r.state] ?? 'unknown'}`);
}

async function inventory(conn: Connection): Promise<void> {
  const t0 = performance.now();
  let xmlBytes = 0;
  const add = (x: string): void => { xmlBytes += x.length; };
  const [doms, nets, vols] = await Promise.all([
    conn.listAllDomains().then(async (ds) => {
      await Promise.all([...ds.map((d) => d.getXMLDesc().then(add)), ...ds.map((d) => d.getState())]);
      return ds.length;
    }),
    conn.listAllNetworks().then(async (ns) => {
      await Promise.all(ns.map((n) => n.getXMLDesc().then(add)));
      return ns.length;
    }),
    conn.listAllStoragePools().then((ps) => Promise.all(ps.map(async (p) => {
      const [, vs] = await Promise.all([p.getXMLDesc().then(add), p.listAllVolumes()]);
      await Promise.all(vs.map((v) => v.getXMLDesc().then(add)));
      return vs.length;
    }))),
  ]);
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({
    domains: doms, networks: nets, pools: vols.length, volumes: vols.reduce((a, b) => a + b, 0), xmlBytes, seconds: Number(seconds.toFixed(3)),
  }));
}

async function main(): Promise<number> {
  if (wantsHelp(process.argv.slice(2))) {
    process.stdout.write(HELP);
    return 0;
  }
  if (process.argv[2] === 'detect-os') {
    const detect = parseDetectArgs(process.argv.slice(3), process.env['LIBVIRT_DEFAULT_URI']);
    if (typeof detect === 'string') {
      console.error(`hangar: ${detect}\n${USAGE}`);
      return 2;
    }
    return detectOs(detect, open);
  }
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`hangar: ${args}\n${USAGE}`);
    return 2;
  }
  let conn: Connection | undefined;
  try {
    conn = await open(args.uri);
    switch (args.command) {
      case 'list':
        await list(conn);
        break;
      case 'dumpxml':
        process.stdout.write(await (await conn.domainLookupByName(args.name!)).getXMLDesc());
        break;
      case 'start':
        await (await conn.domainLookupByName(args.name!)).create();
        console.log(`Domain '${args.name}' started`);
        break;
      case 'destroy':
        await (await conn.domainLookupByName(args.name!)).destroy();
        console.log(`Domain '${args.name}' destroyed`);
        break;
      case 'inventory':
        await inventory(conn);
        break;
    }
    return 0;
  } catch (e) {
    console.error(`error: ${e instanceof VirError ? e.message : String(e)}`);
    return 1;
  } finally {
    await conn?.close().catch(() => {});
  }
}

process.exitCode = await main();
