import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '..', '..');

export interface RunningApp {
  readonly pid: number;
  readonly lines: readonly string[];
  readonly url: string;
  stop(): Promise<void>;
}

/** Runs a built entry point (e.g. out/main/start.js) and waits for the browser-mode URL it prints. */
export async function runApp(entry: string, env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const script = join(projectRoot, entry);
  if (!existsSync(script)) throw new Error(`${entry} is not built: run \`npm run build\` first.`);
  const child: ChildProcess = spawn(process.execPath, [script], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 30 s; output: ${lines.join('\n')} ${stderr}`)), 30_000);
    let buffered = '';
    child.stdout?.on('data', (b: Buffer) => {
      buffered += b.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(line);
        if (m?.[1]) {
          clearTimeout(timer);
          resolveUrl(m[1]);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}: ${stderr}`));
    });
  });
  return {
    pid: child.pid ?? 0,
    lines,
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
