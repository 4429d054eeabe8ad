#!/usr/bin/env node
// Local stack: apply the D1 migrations, then one `wrangler dev` serving the web
// worker on PORT (default 8787) with planning-api and inference-api behind its
// service bindings. Everything at http://127.0.0.1:PORT.
//
// Env: PORT (8787), HOST (127.0.0.1), PERSIST_DIR (.wrangler/state at the repo root).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '8787';
const host = process.env.HOST ?? '127.0.0.1';
const persistDir = path.resolve(root, process.env.PERSIST_DIR ?? '.wrangler/state');
const wranglerBin = path.join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
};

if (!existsSync(wranglerBin)) {
  console.error('start: wrangler is not installed; run `npm ci` first.');
  process.exit(1);
}

let child = null;
let stopping = false;

function run(args) {
  return new Promise((resolve) => {
    child = spawn(process.execPath, [wranglerBin, ...args], { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      child = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopping = true;
    if (child) child.kill(signal);
    else process.exit(130);
  });
}

console.log(`start: applying D1 migrations (state in ${path.relative(root, persistDir) || '.'})`);
const migrated = await run(['d1', 'migrations', 'apply', 'DB', '--local', '-c', 'apps/planning-api/wrangler.jsonc', '--persist-to', persistDir]);
if (migrated !== 0 || stopping) process.exit(stopping ? 130 : migrated);

console.log(`start: serving http://${host}:${port}`);
const code = await run([
  'dev',
  '-c',
  'apps/web/wrangler.jsonc',
  '-c',
  'apps/planning-api/wrangler.jsonc',
  '-c',
  'apps/inference-api/wrangler.jsonc',
  '--persist-to',
  persistDir,
  '--port',
  port,
  '--ip',
  host,
  '--show-interactive-dev-session=false',
]);
process.exit(stopping ? 0 : code);
