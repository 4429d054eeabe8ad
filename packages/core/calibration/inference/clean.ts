/**
 * Data hygiene of the measured serving rows, BEFORE the split and the fit. Every rule reads the
 * row's id and its configuration columns only, never its measured TTFT/TPOT (except the exact-twin
 * rule, which drops a row only when another row has the same configuration AND the same
 * measurement). Rules, in the order they apply:
 *
 *  - MODEL_FROM_ID: the id names the model; the db-dump rows are `dsr1_…` (DeepSeek-R1) but list
 *    `deepseek-ai/DeepSeek-V3` as model_path. The id wins (same architecture, so it changes the
 *    group label and lets twins across the two paths meet).
 *  - LAYOUT_FROM_ID: an id ending `_tpN_epM_<n>` states an N-GPU instance with M-way expert
 *    parallelism. Where the columns disagree (the 2026-04-06 dump writes tp_size or
 *    attention_dp_size = N·M and moe_tp_size = N, e.g. 64/1/8/8 for tp8_ep8), the id wins:
 *    attention over N GPUs (TP, or DP where the columns put it in attention_dp_size), MoE EP M,
 *    MoE TP N/M. The 2026-03-25 dump lists the same runs as 8/1/1/8 (byte-identical twins). The
 *    dump's batch_size is per GPU of the stage its columns list (concurrency = batch_size × tp ×
 *    attention-DP as listed, and the 03-25 twins list batch_size × M), so the instance batch is
 *    kept: batch_size × listed stage ÷ GPUs read.
 *  - LAYOUT_DUMP_ENCODING: a row whose id states no layout (the db-dump `…_cfgNNN` rows) and whose
 *    columns carry that dump's signature — moe_tp = moe_ep = n > 1 and tp × attention-DP = n² —
 *    is read the same way: n GPUs, MoE EP n, MoE TP 1. A test checks that this reading reproduces
 *    the id's layout on every row whose id does state it.
 *  - ATTENTION_DP_FROM_MOE: a MoE row that leaves attention_dp_size empty with tp < moe_tp × moe_ep
 *    runs data-parallel attention: vLLM's `--data-parallel-size` without expert parallelism shards
 *    the experts TP over DP × TP ranks, so attention DP = moe_tp × moe_ep ÷ tp.
 *  - MOE_COLUMNS_DEFAULT: a dense model's MoE columns mean nothing, and a MoE pool that gives moe
 *    sizes as 0 states none; both read as the engines' default, MoE TP over all GPUs of the stage.
 *  - LAYOUT_INCONSISTENT (exclusion): tp × attention-DP ≠ moe_tp × moe_ep after the above.
 *  - EXACT_TWIN (exclusion): same model, system, backend, mode, ISL, OSL, quantisation, layout
 *    (every pool), concurrency AND the same TTFT and TPOT as a row kept before it. The row kept is
 *    the one whose id states its layout, then one whose columns needed no reading, then the first in
 *    file order.
 */
import { getModel } from '../../src/models/catalog.js';
import { loadMeasuredRows, type MeasuredRow, type PoolColumns } from './csv.js';
import { MODEL_MAP } from './predict.js';

export const RULES = [
  'MODEL_FROM_ID',
  'LAYOUT_FROM_ID',
  'LAYOUT_DUMP_ENCODING',
  'ATTENTION_DP_FROM_MOE',
  'MOE_COLUMNS_DEFAULT',
  'LAYOUT_INCONSISTENT',
  'EXACT_TWIN',
] as const;
export type Rule = (typeof RULES)[number];

/** Model named by an id prefix (only where the id and model_path disagree). */
const ID_MODEL_PREFIXES: ReadonlyArray<{ readonly prefix: string; readonly modelPath: string }> = [{ prefix: 'dsr1_', modelPath: 'deepseek-ai/DeepSeek-R1' }];
/** `_tp8_ep8_920`: the 2026-04-06 dump's layout suffix (N GPUs, EP M). */
export const ID_TP_EP = /_tp(\d+)_ep(\d+)_\d+$/;
/** Any layout stated in an id (`_tp4_`, `_tp4_epnone_`, `_tp8_ep8_`). */
const ID_STATES_LAYOUT = /_tp\d+(_|$)/;

export interface CleaningReport {
  /** Rows of the copy before cleaning. */
  readonly rowsIn: number;
  readonly rowsOut: number;
  /** Rows each rule changed (fixes) or dropped (LAYOUT_INCONSISTENT, EXACT_TWIN), over all rows in. */
  readonly byRule: Readonly<Record<Rule, number>>;
  /** Kept disagg rows without pool sizes whose TTFT and TPOT equal a kept sized row's (other pool columns). */
  readonly unsizedSharingMeasurement: number;
  /** Reported, not excluded: kept configurations (twinKey without the measurement) measured more than once, and those whose TTFT or TPOT spread exceeds CONFLICT_SPREAD. */
  readonly conflicts: ConflictReport;
  /** Of the rows kept, how many each fixing rule changed. */
  readonly keptByRule: Readonly<Record<Rule, number>>;
}

export interface Stage {
  tp: number;
  adp: number;
  moeTp: number;
  moeEp: number;
}

const isMoe = (modelPath: string): boolean => {
  const id = MODEL_MAP[modelPath];
  return Boolean(id && getModel(id)?.architecture.moe);
};

/** The db-dump signature (moe_tp = moe_ep = n > 1, tp × DP = n²) read as n GPUs with EP n; null without it. */
export function dumpEncodingReading(st: Readonly<Stage>): Stage | null {
  const n = st.moeTp;
  if (!(n > 1 && n === st.moeEp && st.tp * st.adp === n * n)) return null;
  return st.adp > 1 ? { tp: st.tp, adp: n, moeTp: 1, moeEp: n } : { tp: n, adp: st.adp, moeTp: 1, moeEp: n };
}

/** Reads one stage's layout (the row's own columns or a pool's); returns the rules that changed it. */
function readStage(st: Stage, moe: boolean, id: string | null, adpStated: boolean): Rule[] {
  const fired: Rule[] = [];
  const m = id ? ID_TP_EP.exec(id) : null;
  if (m) {
    const n = Number(m[1]),
      ep = Number(m[2]);
    if (st.tp * st.adp !== n || (moe && st.moeTp * st.moeEp !== n)) {
      if (st.adp > 1) {
        st.tp = 1;
        st.adp = n;
      } else {
        st.tp = n;
        st.adp = 1;
      }
      if (moe && n % ep === 0) {
        st.moeEp = ep;
        st.moeTp = n / ep;
      }
      fired.push('LAYOUT_FROM_ID');
    }
  } else if (id !== null && !ID_STATES_LAYOUT.test(id)) {
    const read = dumpEncodingReading(st);
    if (read) {
      Object.assign(st, read);
      fired.push('LAYOUT_DUMP_ENCODING');
    }
  }
  if (moe && !adpStated && st.tp * st.adp < st.moeTp * st.moeEp && (st.moeTp * st.moeEp) % st.tp === 0) {
    st.adp = (st.moeTp * st.moeEp) / st.tp;
    fired.push('ATTENTION_DP_FROM_MOE');
  }
  if ((!moe || (st.moeTp === 0 && st.moeEp === 0)) && (st.moeTp !== st.tp * st.adp || st.moeEp !== 1)) {
    st.moeTp = st.tp * st.adp;
    st.moeEp = 1;
    fired.push('MOE_COLUMNS_DEFAULT');
  }
  return fired;
}

const consistent = (st: Stage): boolean => st.tp >= 1 && st.adp >= 1 && st.moeTp >= 1 && st.moeEp >= 1 && st.tp * st.adp === st.moeTp * st.moeEp;

/** One row with its layout read; `null` when the layout stays inconsistent. */
function readRow(r: MeasuredRow, count: (rule: Rule) => void): { row: MeasuredRow; fired: Set<Rule>; fixed: boolean } | null {
  const fired = new Set<Rule>();
  let modelPath = r.modelPath;
  for (const p of ID_MODEL_PREFIXES)
    if (r.id.startsWith(p.prefix) && modelPath !== p.modelPath) {
      modelPath = p.modelPath;
      fired.add('MODEL_FROM_ID');
    }
  const moe = isMoe(modelPath);
  let ok = true;
  let main = { tp: r.tp, adp: r.adp, moeTp: r.moeTp, moeEp: r.moeEp };
  let batchSize = r.batchSize;
  if (r.mode === 'agg') {
    const stage = readStage(main, moe, r.id, r.adpStated);
    for (const f of stage) fired.add(f);
    // the dumps' batch_size is per GPU of the stage their columns list (concurrency = batch_size ×
    // tp × attention-DP as listed): the instance batch stays, spread over the GPUs actually used
    if (stage.includes('LAYOUT_FROM_ID') || stage.includes('LAYOUT_DUMP_ENCODING')) batchSize = (r.batchSize * r.tp * r.adp) / (main.tp * main.adp);
    ok = consistent(main);
  }
  const pool = (p: PoolColumns | null): PoolColumns | null => {
    if (!p) return null;
    const st = { tp: p.tp, adp: p.adp, moeTp: p.moeTp, moeEp: p.moeEp };
    // pools: the id's layout suffix describes no single pool, so only the column rules apply
    for (const f of readStage(st, moe, null, true)) fired.add(f);
    if (r.prefill?.sized && r.decode?.sized) ok &&= consistent(st);
    return { ...p, ...st };
  };
  const prefill = pool(r.prefill),
    decode = pool(r.decode);
  if (!ok) {
    count('LAYOUT_INCONSISTENT');
    return null;
  }
  for (const f of fired) count(f);
  if (r.mode !== 'agg') main = { tp: r.tp, adp: r.adp, moeTp: r.moeTp, moeEp: r.moeEp };
  const fixed = fired.has('LAYOUT_FROM_ID') || fired.has('LAYOUT_DUMP_ENCODING') || fired.has('ATTENTION_DP_FROM_MOE');
  return { row: { ...r, modelPath, ...main, batchSize, prefill, decode }, fired, fixed };
}

const poolKey = (p: PoolColumns | null): string => (p ? [p.sized, p.batchSize, p.workers, p.tp, p.pp, p.adp, p.moeTp, p.moeEp].join('/') : '-');

/**
 * Everything that defines a measurement: configuration, load and the measured values. Not the
 * aggregated batch_size: the dumps disagree on it for the same run (2026-04-06 lists c × EP at low
 * concurrency where 2026-03-25 lists c), and it only caps the batch, never below the concurrency
 * of these twins.
 */
export function twinKey(r: MeasuredRow): string {
  return [configurationKey(r), r.ttftMs, r.tpotMs].join('|');
}

/** twinKey without the measured values: the configuration and load that should give one measurement. */
export function configurationKey(r: MeasuredRow): string {
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
    poolKey(r.prefill),
    poolKey(r.decode),
    r.concurrency,
  ].join('|');
}

/** Largest ÷ smallest TTFT or TPOT among rows of one configuration above which they are reported as conflicting (10%). */
export const CONFLICT_SPREAD = 1.1;

export interface ConflictReport {
  /** Kept configurations with more than one row (after EXACT_TWIN). */
  readonly repeatedConfigurations: number;
  /** Of those, configurations whose rows' TTFT or TPOT differ by more than CONFLICT_SPREAD. */
  readonly conflictingConfigurations: number;
  /** Rows in the conflicting configurations. */
  readonly rowsInConflict: number;
}

/**
 * Kept rows that describe the same configuration and load but measured differently: the columns do not
 * carry whatever separates them (engine build, speculative decoding, a MoE layout read the same way).
 * Reported so users know the floor under any model's error; not a rule, nothing is dropped.
 */
export function conflictReport(rows: readonly MeasuredRow[]): ConflictReport {
  const groups = new Map<string, MeasuredRow[]>();
  for (const r of rows) {
    const k = configurationKey(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  let repeated = 0,
    conflicting = 0,
    inConflict = 0;
  const spread = (xs: number[]) => Math.max(...xs) / Math.min(...xs);
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    repeated++;
    if (spread(g.map((r) => r.ttftMs)) > CONFLICT_SPREAD || spread(g.map((r) => r.tpotMs)) > CONFLICT_SPREAD) {
      conflicting++;
      inConflict += g.length;
    }
  }
  return { repeatedConfigurations: repeated, conflictingConfigurations: conflicting, rowsInConflict: inConflict };
}

export function cleanRows(raw: readonly MeasuredRow[]): { rows: MeasuredRow[]; report: CleaningReport } {
  const byRule = Object.fromEntries(RULES.map((k) => [k, 0])) as Record<Rule, number>;
  const count = (rule: Rule) => {
    byRule[rule]++;
  };
  const read = raw.map((r) => readRow(r, count));
  // which twin is kept: id states the layout, then columns needed no reading, then file order
  const rank = (x: { row: MeasuredRow; fixed: boolean }): number => 2 * Number(!ID_STATES_LAYOUT.test(x.row.id)) + Number(x.fixed);
  const order = read.flatMap((x, i) => (x ? [{ r: x.row, rank: rank(x), i }] : [])).sort((a, b) => a.rank - b.rank || a.i - b.i);
  const seen = new Set<string>();
  const kept = new Set<number>();
  for (const { r, i } of order) {
    const k = twinKey(r);
    if (seen.has(k)) {
      count('EXACT_TWIN');
      continue;
    }
    seen.add(k);
    kept.add(i);
  }
  const keptByRule = Object.fromEntries(RULES.map((k) => [k, 0])) as Record<Rule, number>;
  const rows = read.flatMap((x, i) => {
    if (!x || !kept.has(i)) return [];
    for (const f of x.fired) keptByRule[f]++;
    return [x.row];
  });
  const sized = (r: MeasuredRow) => r.mode === 'disagg' && Boolean(r.prefill?.sized && r.decode?.sized);
  const sizedMeasurements = new Set(rows.filter(sized).map((r) => `${r.ttftMs}|${r.tpotMs}`));
  const unsizedSharingMeasurement = rows.filter((r) => r.mode === 'disagg' && !sized(r) && sizedMeasurements.has(`${r.ttftMs}|${r.tpotMs}`)).length;
  return { rows, report: { rowsIn: raw.length, rowsOut: rows.length, byRule, keptByRule, unsizedSharingMeasurement, conflicts: conflictReport(rows) } };
}

let cache: { rows: MeasuredRow[]; report: CleaningReport } | null = null;
/** The cleaned rows of the committed copy (cached per process). */
export function loadCleanRows(): { rows: MeasuredRow[]; report: CleaningReport } {
  cache ??= cleanRows(loadMeasuredRows());
  return cache;
}
