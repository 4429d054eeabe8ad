/**
 * Regression guard for optimisations of the training layout search.
 *
 *   npx tsx bench/training-search-snapshot.ts write /tmp/training-snapshot.json   # before a change
 *   npx tsx bench/training-search-snapshot.ts check /tmp/training-snapshot.json   # after it
 *
 * Records the full planTraining output (chosen layout, every number, alternatives, rejection
 * counts, layouts considered/timed/pruned) for a handful of representative requests and, in
 * `check` mode, compares them field by field: strings and integers exactly, other numbers to
 * 1e-9 relative. Search statistics (layoutsTimed, layoutsPruned, rejection counts of the timed
 * phase) are reported but may legitimately change when the pruning changes, so they are
 * printed as "stats" differences rather than failures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { planTraining, type TrainingRequest } from '../src/index.js';
import { LLAMA_405B_SEARCH, V3_PUBLISHED, V3_SEARCH as V3 } from './training-requests.js';

export const SNAPSHOT_REQUESTS: Record<string, TrainingRequest> = {
  'v3-search': V3,
  'v3-published': V3_PUBLISHED,
  'v3-published-1f1b': { ...V3, parallelism: { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: '1f1b' } },
  'v3-search-bf16-10alts': { ...V3, precision: 'bf16', alternatives: 10 },
  '405b-search': LLAMA_405B_SEARCH,
  '405b-long-context': {
    model: 'llama-3.1-405b',
    gpu: 'h100',
    gpuCount: 16384,
    tokens: 800e9,
    sequenceLength: 131072,
    globalBatchTokens: 16 * 1024 * 1024,
    precision: 'bf16',
  },
  'mixtral-64-h100': { model: 'mixtral-8x7b', gpu: 'h100', gpuCount: 64, tokens: 1e12, sequenceLength: 4096, precision: 'bf16' },
  'llama8b-8-a100': { model: 'llama-3.1-8b', gpu: 'a100', gpuCount: 8, tokens: 1e11, sequenceLength: 4096, precision: 'bf16' },
  'llama8b-8-a100-zero3-pinned': {
    model: 'llama-3.1-8b',
    gpu: 'a100',
    gpuCount: 8,
    tokens: 1e11,
    sequenceLength: 4096,
    precision: 'bf16',
    parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 3 },
  },
  '405b-8-h100-nofit': { model: 'llama-3.1-405b', gpu: 'h100', gpuCount: 8, tokens: 1e9, sequenceLength: 4096, precision: 'bf16' },
};

/** Fields whose value depends on how much the search prunes, not on what it returns. */
const STATS = /^(layoutsTimed|layoutsPruned|rejectedLayouts\.)/;

function snapshot(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, req] of Object.entries(SNAPSHOT_REQUESTS)) {
    try {
      out[name] = planTraining(req);
    } catch (e) {
      out[name] = { error: String(e) };
    }
  }
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

function compare(a: unknown, b: unknown, path: string, diffs: string[], stats: string[]): void {
  const note = (msg: string) => (STATS.test(path.replace(/^plan\.[^.]+\./, '')) ? stats : diffs).push(`${path}: ${msg}`);
  if (typeof a === 'number' && typeof b === 'number') {
    const ok = a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    if (!ok) note(`${a} → ${b}`);
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) compare((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, diffs, stats);
    return;
  }
  if (a !== b) note(`${JSON.stringify(a)} → ${JSON.stringify(b)}`);
}

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'write' && mode !== 'check')) {
  console.error('usage: tsx bench/training-search-snapshot.ts write|check FILE');
  process.exit(2);
}
const now = snapshot();
if (mode === 'write') {
  writeFileSync(file, JSON.stringify(now, null, 1));
  console.log(`wrote ${Object.keys(now).length} plans to ${file}`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const diffs: string[] = [],
    stats: string[] = [];
  compare(before, now, 'plan', diffs, stats);
  for (const s of stats) console.log(`stats  ${s}`);
  for (const d of diffs) console.log(`DIFF   ${d}`);
  console.log(diffs.length === 0 ? `OK: ${Object.keys(now).length} plans identical (numbers to 1e-9 relative)` : `${diffs.length} differences`);
  process.exit(diffs.length === 0 ? 0 : 1);
}
