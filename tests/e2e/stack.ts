import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningStack {
  readonly baseUrl: string;
  /** Seconds from spawn to the first good answer of the page and of both APIs through it. */
  readonly startupSeconds: number;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * The address of simulated client `i` (0 ≤ i < 65,535), sent as `cf-connecting-ip`: documentation-range
 * IPv6 (RFC 3849), each in a /64 of its own, since the rate limiter counts an IPv6 client by its /64.
 */
export const MAX_SIMULATED_CLIENTS = 0xffff;
export const simulatedClientAddress = (i: number) => `2001:db8:${((i % MAX_SIMULATED_CLIENTS) + 1).toString(16)}::1`;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The page, and both API workers through the web worker's bindings (the merged OpenAPI document needs both). */
async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const answers = await Promise.all([fetch(`${baseUrl}/`), fetch(`${baseUrl}/v1/gpus`), fetch(`${baseUrl}/openapi.json`)]);
    return answers.every((answer) => answer.status === 200);
  } catch {
    return false;
  }
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const pid = child.pid;
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal);
      } catch {
        // already gone
      }
    };
    const hardStop = setTimeout(() => kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(hardStop);
      // wrangler's workerd children are in the same group; make sure none survive.
      kill('SIGKILL');
      resolve();
    });
    kill('SIGTERM');
  });
}

/**
 * `node scripts/start.mjs` on a free port with a throw-away D1 state, in its own process group.
 * With `persistDir`, that state instead (kept on stop: a later stack can start on it again).
 */
export async function startStack(timeoutMs = 100_000, options: { persistDir?: string } = {}): Promise<RunningStack> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const persistDir = options.persistDir ?? mkdtempSync(path.join(tmpdir(), 'gcp-e2e-state-'));
  const started = Date.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), PERSIST_DIR: persistDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const stop = async () => {
    await stopGroup(child);
    if (!options.persistDir) rmSync(persistDir, { recursive: true, force: true });
  };
  while (!(await isReady(baseUrl))) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`stack exited early (${child.exitCode}):\n${log}`);
    }
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`stack not ready after ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { baseUrl, startupSeconds: (Date.now() - started) / 1000, output: () => log, stop };
}
