/**
 * Writes the committed fit/test split, data/split.json: configuration key (split.ts configKey) →
 * "fit" | "test", by the documented rule (FNV-1a of the key even → fit), over the CLEANED rows
 * (clean.ts). Run once, before any fit:
 *   cd packages/core && npx tsx calibration/inference/write-split.ts
 * It refuses to touch an existing file. When rows are added to the copy, `--add` appends entries
 * for configurations the file lacks (same rule) and never changes an existing one; a test pins the
 * file's hash, so any change to it is a reviewed edit of that test too.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCleanRows } from './clean.js';
import { configKey, hashSide, SPLIT_FILE, SPLIT_RULE, type SplitFile } from './split.js';

const add = process.argv.includes('--add');
if (existsSync(SPLIT_FILE) && !add) throw new Error(`${SPLIT_FILE} exists: the split is fixed (use --add to append new configurations only)`);
const old: SplitFile | null = existsSync(SPLIT_FILE) ? (JSON.parse(readFileSync(SPLIT_FILE, 'utf8')) as SplitFile) : null;
const configurations: Record<string, 'fit' | 'test'> = { ...(old?.configurations ?? {}) };
let added = 0;
for (const r of loadCleanRows().rows) {
  const k = configKey(r);
  if (configurations[k] === undefined) {
    configurations[k] = hashSide(r);
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.keys(configurations)
    .sort()
    .map((k) => [k, configurations[k]]),
);
const file: SplitFile = {
  rule: SPLIT_RULE,
  written: old?.written ?? new Date().toISOString().slice(0, 10),
  configurations: sorted as Record<string, 'fit' | 'test'>,
};
writeFileSync(SPLIT_FILE, `${JSON.stringify(file, null, 1)}\n`);
console.log(`wrote ${SPLIT_FILE}: ${Object.keys(sorted).length} configurations (${added} added)`);
