#!/usr/bin/env node
// Deploy to a real Cloudflare account, or check the whole path with --dry-run (what CI runs).
//
//   npm run deploy                 # needs CLOUDFLARE_API_TOKEN (and CLOUDFLARE_ACCOUNT_ID) and GCP_D1_DATABASE_ID
//   npm run deploy -- --dry-run    # bundles every worker, checks the gzip budgets, prints the remote steps
//
// Order: the D1 database's migrations (remote), then planning-api and inference-api (the web
// worker's service bindings point at them by name), then web. See README "Deploying".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wranglerBin = path.join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const dryRun = process.argv.includes('--dry-run');
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_HIDE_BANNER: 'true' };

/** Workers in deployment order, each with its gzip bundle budget (KiB): a request's CPU starts with parsing the bundle. */
const WORKERS = [
  { name: 'planning-api', budgetKiB: 160 },
  { name: 'inference-api', budgetKiB: 120 },
  { name: 'web', budgetKiB: 40 },
];
/** The planner page's initial load (HTML, every JS module, CSS), gzip KiB. */
const PAGE_BUDGET_KIB = 100;
/** The placeholder D1 id in apps/planning-api/wrangler.jsonc (local dev and tests). */
const PLACEHOLDER_D1_ID = '00000000-0000-0000-0000-000000000000';

function wrangler(args, cwd) {
  const r = spawnSync(process.execPath, [wranglerBin, ...args], { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`wrangler ${args.join(' ')} failed (${r.status})`);
  }
  return r.stdout;
}

/** planning-api's config with the real D1 id, written next to the original (wrangler resolves paths from the config's folder). */
function planningConfigWithDatabase(id) {
  const dir = path.join(root, 'apps', 'planning-api');
  const text = readFileSync(path.join(dir, 'wrangler.jsonc'), 'utf8');
  if (!text.includes(PLACEHOLDER_D1_ID)) throw new Error('planning-api wrangler.jsonc no longer holds the placeholder D1 id');
  const file = path.join(dir, 'wrangler.deploy.jsonc');
  writeFileSync(file, text.replace(PLACEHOLDER_D1_ID, id));
  return file;
}

let failed = 0;
if (dryRun) {
  console.log('deploy --dry-run: the remote steps would be');
  console.log('  1. wrangler d1 create gcp-saved-plans          (once; put its id in GCP_D1_DATABASE_ID)');
  console.log('  2. wrangler d1 migrations apply DB --remote   (apps/planning-api, infra/migrations)');
  console.log('  3. wrangler deploy: planning-api, inference-api, then web (service bindings by name)');
  const out = mkdtempSync(path.join(tmpdir(), 'gcp-deploy-'));
  for (const w of WORKERS) {
    const dir = path.join(root, 'apps', w.name);
    const outdir = path.join(out, w.name);
    wrangler(['deploy', '--dry-run', '--outdir', outdir], dir);
    const js = readFileSync(path.join(outdir, 'index.js'));
    const gzKiB = gzipSync(js).length / 1024;
    const ok = gzKiB <= w.budgetKiB && !js.includes('zod');
    if (!ok) failed++;
    console.log(
      `deploy: bundle ${w.name.padEnd(14)} ${(js.length / 1024).toFixed(1).padStart(7)} KiB raw, ${gzKiB.toFixed(1).padStart(6)} KiB gzip (budget ${w.budgetKiB} KiB)${js.includes('zod') ? ' contains zod' : ''} ${ok ? 'ok' : 'OVER'}`,
    );
  }
  rmSync(out, { recursive: true, force: true });
  const pub = path.join(root, 'apps', 'web', 'public');
  const files = readdirSync(pub, { recursive: true })
    .map(String)
    .filter((f) => /\.(html|js|css)$/.test(f));
  const pageKiB = files.reduce((a, f) => a + gzipSync(readFileSync(path.join(pub, f))).length, 0) / 1024;
  if (pageKiB > PAGE_BUDGET_KIB) failed++;
  console.log(
    `deploy: page initial load ${files.length} files, ${pageKiB.toFixed(1)} KiB gzip (budget ${PAGE_BUDGET_KIB} KiB) ${pageKiB <= PAGE_BUDGET_KIB ? 'ok' : 'OVER'}`,
  );
} else {
  const id = process.env.GCP_D1_DATABASE_ID;
  if (!id) {
    console.error('deploy: set GCP_D1_DATABASE_ID to the id `wrangler d1 create gcp-saved-plans` printed (and CLOUDFLARE_API_TOKEN).');
    process.exit(2);
  }
  const config = planningConfigWithDatabase(id);
  try {
    console.log('deploy: applying D1 migrations (remote)');
    process.stdout.write(wrangler(['d1', 'migrations', 'apply', 'DB', '--remote', '-c', config], path.dirname(config)));
    for (const w of WORKERS) {
      console.log(`deploy: ${w.name}`);
      const dir = path.join(root, 'apps', w.name);
      process.stdout.write(wrangler(['deploy', ...(w.name === 'planning-api' ? ['-c', config] : [])], dir));
    }
  } finally {
    rmSync(config, { force: true });
  }
}
console.log(`deploy: ${failed === 0 ? 'every bundle within budget' : `${failed} over budget`}`);
process.exit(failed === 0 ? 0 : 1);
