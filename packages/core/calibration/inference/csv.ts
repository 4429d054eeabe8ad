import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One measured row of the aiconfigurator silicon sample (only the columns the planner uses). */
export interface MeasuredRow {
  readonly id: string;
  readonly source: string;
  readonly backend: string;
  readonly modelPath: string;
  readonly system: string;
  readonly mode: 'agg' | 'disagg';
  readonly isl: number;
  readonly osl: number;
  readonly gemmQuant: string;
  readonly precision: string;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly tp: number;
  readonly pp: number;
  readonly adp: number;
  readonly moeTp: number;
  readonly moeEp: number;
  /** Whether the row fills `attention_dp_size` (one source never does; then `adp` is 1 until clean.ts reads it). */
  readonly adpStated: boolean;
  readonly prefill: PoolColumns | null;
  readonly decode: PoolColumns | null;
  readonly ttftMs: number;
  readonly tpotMs: number;
}

export interface PoolColumns {
  readonly batchSize: number;
  readonly workers: number;
  /** Whether the row states the pool's batch size and worker count (many disagg rows leave them empty; then 1 and 1). */
  readonly sized: boolean;
  readonly tp: number;
  readonly pp: number;
  readonly adp: number;
  readonly moeTp: number;
  readonly moeEp: number;
}

export const DATA_FILE = fileURLToPath(new URL('./data/measured-serving.csv', import.meta.url));

const num = (s: string | undefined, dflt: number): number => {
  if (s === undefined || s === '') return dflt;
  const v = Number(s);
  return Number.isFinite(v) ? v : dflt;
};

export function parseMeasuredCsv(text: string): MeasuredRow[] {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(',');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`measured CSV lacks column ${name}`);
    return i;
  };
  const c = Object.fromEntries(header.map((h) => [h, col(h)])) as Record<string, number>;
  const out: MeasuredRow[] = [];
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    const g = (name: string): string => f[c[name] ?? -1] ?? '';
    const source = g('silicon_data_source');
    const batchSize = num(g('batch_size'), 1);
    const m = /silicon_concurrency=(\d+)/.exec(source);
    const pool = (p: string): PoolColumns | null =>
      g(`${p}_tp_size`) === ''
        ? null
        : {
            batchSize: num(g(`${p}_batch_size`), 1),
            workers: num(g(`${p}_num_workers`), 1),
            sized: g(`${p}_batch_size`) !== '' && g(`${p}_num_workers`) !== '',
            tp: num(g(`${p}_tp_size`), 1),
            pp: num(g(`${p}_pp_size`), 1),
            adp: num(g(`${p}_attention_dp_size`), 1),
            moeTp: num(g(`${p}_moe_tp_size`), 1),
            moeEp: num(g(`${p}_moe_ep_size`), 1),
          };
    out.push({
      id: g('id'),
      source,
      backend: g('backend'),
      modelPath: g('model_path'),
      system: g('system'),
      mode: g('mode') === 'disagg' ? 'disagg' : 'agg',
      isl: num(g('isl'), 0),
      osl: num(g('osl'), 0),
      gemmQuant: g('gemm_quant_mode'),
      precision: g('precision'),
      batchSize,
      concurrency: m ? Number(m[1]) : batchSize,
      tp: num(g('tp_size'), 1),
      pp: num(g('pp_size'), 1),
      adp: num(g('attention_dp_size'), 1),
      moeTp: num(g('moe_tp_size'), 1),
      moeEp: num(g('moe_ep_size'), 1),
      adpStated: g('attention_dp_size') !== '',
      prefill: pool('prefill'),
      decode: pool('decode'),
      ttftMs: num(g('silicon_ttft_ms'), Number.NaN),
      tpotMs: num(g('silicon_tpot_ms'), Number.NaN),
    });
  }
  return out;
}

export function loadMeasuredRows(): MeasuredRow[] {
  return parseMeasuredCsv(readFileSync(DATA_FILE, 'utf8'));
}
