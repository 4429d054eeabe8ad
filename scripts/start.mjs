#!/usr/bin/env node
// Local stack: apply the D1 migrations, then one `wrangler dev` per worker:
// planning-api and inference-api on free local ports, and the web worker on PORT
// (default 8787) reaching them through its service bindings. Everything at
// http://127.0.0.1:PORT.
//
// One process per worker, not one `wrangler dev -c … -c …`: wrangler 4.86's
// multi-worker mode strips rate-limit bindings from every worker but the first
// (workers-sdk #14572, fixed in a later wrangler), so the APIs' limits would not
// run locally. The three find each other through a dev registry of this stack's
// own (WRANGLER_REGISTRY_PATH in a temporary folder), so two stacks on one machine
// (a developer's and the tests') never bind to each other's workers.
//
// Env: PORT (8787), HOST (127.0.0.1), PERSIST_DIR (.wrangler/state at the repo root).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '8787';
const host = process.env.HOST ?? '127.0.0.1';
const persistDir = path.resolve(root, process.env.PERSIST_DIR ?? '.wrangler/state');
const wranglerBin = path.join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

const registryDir = mkdtempSync(path.join(tmpdir(), 'gcp-dev-registry-'));
const env = {
  ...process.env,
  WRANGLER_REGISTRY_PATH: registryDir,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
};

if (!existsSync(wranglerBin)) {
  console.error('start: wrangler is not installed; run `npm ci` first.');
  process.exit(1);
}

const children = new Set();
let stopping = false;

function spawnWrangler(args) {
  const child = spawn(process.execPath, [wranglerBin, ...args], { cwd: root, env, stdio: 'inherit' });
  children.add(child);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
  return exited;
}

function stopAll(signal) {
  stopping = true;
  for (const child of children) child.kill(signal);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (children.size === 0) {
      rmSync(registryDir, { recursive: true, force: true });
      process.exit(130);
    }
    stopAll(signal);
  });
}

/** A port nothing listens on now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(String(address.port)) : reject(new Error('no free port'))));
    });
  });
}

console.log(`start: applying D1 migrations (state in ${path.relative(root, persistDir) || '.'})`);
const migrated = await spawnWrangler(['d1', 'migrations', 'apply', 'DB', '--local', '-c', 'apps/planning-api/wrangler.jsonc', '--persist-to', persistDir]);
if (migrated !== 0 || stopping) {
  rmSync(registryDir, { recursive: true, force: true });
  process.exit(stopping ? 130 : migrated);
}

/**
 * `wrangler dev` of one worker on `listenPort`, its inspector on a free port of its own, its local
 * state in `state`. Each worker keeps its own state folder: three workerd processes opening the
 * same SQLite files at start-up can fail with SQLITE_BUSY ("database is locked"). Only the
 * planning-api has D1, so only it uses PERSIST_DIR itself.
 */
async function devWorkerOnce(config, listenPort, state) {
  return spawnWrangler([
    'dev',
    '-c',
    config,
    '--persist-to',
    state,
    '--port',
    listenPort,
    '--inspector-port',
    await freePort(),
    '--ip',
    host,
    '--show-interactive-dev-session=false',
  ]);
}

/** A worker that ends this soon after its start failed to start (a port taken in the meantime, a locked state file). */
const START_FAILURE_WINDOW_MS = 30_000;
/** Starts of one worker before the stack gives up. */
const MAX_STARTS = 3;

/**
 * devWorkerOnce, started again when it fails to start: the ports were free when picked, but a
 * port is only reserved once bound, and the other workerd processes bind ports of their own
 * meanwhile ("Address already in use"). `port()` gives the port of each start (a fresh one for the
 * APIs, which the web worker finds through the dev registry, not by port). Resolves with the exit
 * code of the last start.
 */
async function devWorker(config, port, state) {
  for (let start = 1; ; start++) {
    const began = Date.now();
    const code = await devWorkerOnce(config, await port(), state);
    if (stopping || start >= MAX_STARTS || Date.now() - began > START_FAILURE_WINDOW_MS) return code;
    console.error(`start: ${config} stopped during start-up (exit ${code}); starting it again (${start + 1} of ${MAX_STARTS})`);
  }
}

console.log(`start: serving http://${host}:${port}`);
const workers = [
  devWorker('apps/planning-api/wrangler.jsonc', freePort, persistDir),
  devWorker('apps/inference-api/wrangler.jsonc', freePort, path.join(persistDir, 'inference-api')),
  devWorker('apps/web/wrangler.jsonc', async () => port, path.join(persistDir, 'web')),
];
// The stack is up while all three are; when one ends, the others are stopped too.
const code = await Promise.race(workers);
stopAll('SIGTERM');
await Promise.all(workers);
rmSync(registryDir, { recursive: true, force: true });
process.exit(stopping ? 0 : code);
