/**
 * Byte-identity guard for changes to the training search and physics: the whole planTraining
 * output, serialised with JSON.stringify, must not change by a single byte (every number, every
 * string, the search statistics included) for the three bench requests.
 *
 *   npx tsx bench/training-json-identity.ts write /tmp/training-json.json   # before a change
 *   npx tsx bench/training-json-identity.ts check /tmp/training-json.json   # after it
 *
 * training-search-snapshot.ts compares more requests to 1e-9 and lets search statistics move;
 * this one is the strict check for changes that must not move anything.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { planTraining } from '../src/index.js';
import { BENCH_CASES } from './training-requests.js';

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'write' && mode !== 'check')) {
  console.error('usage: tsx bench/training-json-identity.ts write|check FILE');
  process.exit(2);
}
const now: Record<string, string> = {};
for (const [name, req] of Object.entries(BENCH_CASES)) {
  try {
    now[name] = JSON.stringify(planTraining(req));
  } catch (e) {
    now[name] = JSON.stringify({ error: String(e) });
  }
}
if (mode === 'write') {
  writeFileSync(file, JSON.stringify(now, null, 1));
  console.log(`wrote ${Object.keys(now).length} plans to ${file}`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  let bad = 0;
  for (const name of new Set([...Object.keys(before), ...Object.keys(now)])) {
    const a = before[name],
      b = now[name];
    if (a === b) {
      console.log(`same   ${name} (${b!.length} bytes)`);
      continue;
    }
    bad++;
    let i = 0;
    while (a !== undefined && b !== undefined && i < a.length && a[i] === b[i]) i++;
    console.log(`DIFF   ${name} at byte ${i}: …${(a ?? '').slice(Math.max(0, i - 80), i + 80)}… → …${(b ?? '').slice(Math.max(0, i - 80), i + 80)}…`);
  }
  console.log(bad === 0 ? `OK: ${Object.keys(now).length} plans byte-identical` : `${bad} plans differ`);
  process.exit(bad === 0 ? 0 : 1);
}
