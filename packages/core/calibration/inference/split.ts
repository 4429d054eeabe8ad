import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engineBatch } from './predict.js';
import type { MeasuredRow } from './csv.js';

/** The committed split (write-split.ts), read by every calibration step. */
export const SPLIT_FILE = fileURLToPath(new URL('./data/split.json', import.meta.url));
export const SPLIT_RULE = 'configuration key (split.ts configKey over the cleaned rows of clean.ts) → FNV-1a 32-bit even: fit, odd: test';

export interface SplitFile {
  readonly rule: string;
  /** Date the file was first written (before any fit on the cleaned rows). */
  readonly written: string;
  readonly configurations: Readonly<Record<string, 'fit' | 'test'>>;
}

let split: SplitFile | null = null;
export function loadSplit(): SplitFile {
  split ??= JSON.parse(readFileSync(SPLIT_FILE, 'utf8')) as SplitFile;
  return split;
}

/**
 * Configuration key of a row: every column that defines the deployment and the workload EXCEPT
 * batch size and concurrency, so all concurrency points of one configuration land on the same side.
 */
export function configKey(r: MeasuredRow): string {
  const pool = (p: MeasuredRow['prefill']) => (p ? `${p.workers}x${p.tp}/${p.pp}/${p.adp}/${p.moeTp}/${p.moeEp}` : '-');
  return [
    r.modelPath,
    r.system,
    r.backend,
    r.mode,
    r.isl,
    r.osl,
    r.gemmQuant,
    r.precision,
    r.tp,
    r.pp,
    r.adp,
    r.moeTp,
    r.moeEp,
    pool(r.prefill),
    pool(r.decode),
  ].join('|');
}

/** 32-bit FNV-1a. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The rule the split file was written by: FNV-1a(config key) even → fit; the odd half is held out. */
export function hashSide(r: MeasuredRow): 'fit' | 'test' {
  return fnv1a(configKey(r)) % 2 === 0 ? 'fit' : 'test';
}

/** FIT side as the committed split file says; a configuration it lacks is an error, never guessed. */
export function isFitRow(r: MeasuredRow): boolean {
  const side = loadSplit().configurations[configKey(r)];
  if (side === undefined) throw new Error(`configuration ${configKey(r)} has no entry in data/split.json (write-split.ts --add)`);
  return side === 'fit';
}

/**
 * A row measures queueing in the benchmark's own terms when its concurrency exceeds the engine's
 * configured batch (`engineBatch`: batch_size × tp × attention-DP, the sample's per-rank
 * convention): requests beyond it wait for a slot by construction. Such rows are left out of the
 * fit and of the accuracy tables and reported apart. The planner's own KV capacity estimate never
 * decides this: every row with concurrency ≤ its batch is scored, and where the planner thinks the
 * KV cache holds fewer, its prediction includes the slot wait and is scored as it is.
 */
export function isQueueingRow(r: MeasuredRow): boolean {
  return r.mode === 'agg' && r.concurrency > engineBatch(r);
}

/**
 * A disaggregated row that leaves its pools' batch sizes and worker counts empty (551 of the 643
 * disagg rows on catalog models: every DeepSeek-R1 disagg row of the sample; 133 of them repeat
 * the TTFT/TPOT of a sized DeepSeek-V3 row under different layout columns). Its deployment is not
 * known, so it cannot be modelled: left out of the fit and of the accuracy tables, reported apart
 * (predicted as one prefill and one decode instance with no batch cap).
 */
export function isUnsizedDisaggRow(r: MeasuredRow): boolean {
  return r.mode === 'disagg' && !(r.prefill?.sized && r.decode?.sized);
}

/** Rows the fit and the accuracy tables use: neither queueing nor unsized disaggregated. */
export function isScoredRow(r: MeasuredRow): boolean {
  return !isQueueingRow(r) && !isUnsizedDisaggRow(r);
}
