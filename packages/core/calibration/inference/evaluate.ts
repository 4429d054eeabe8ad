import type { InferenceEfficiency } from '../../src/inference/step/efficiency.js';
import type { MeasuredRow } from './csv.js';
import { predictRow, type Prediction, MODEL_MAP, GPU_MAP } from './predict.js';

export interface Scored {
  readonly row: MeasuredRow;
  readonly pred: Prediction;
}

export function scoreRows(rows: readonly MeasuredRow[], eff: InferenceEfficiency): Scored[] {
  const out: Scored[] = [];
  for (const row of rows) {
    if (!Number.isFinite(row.ttftMs) || !Number.isFinite(row.tpotMs) || row.ttftMs <= 0 || row.tpotMs <= 0) continue;
    const pred = predictRow(row, eff);
    if (pred && Number.isFinite(pred.ttftMs) && Number.isFinite(pred.tpotMs)) out.push({ row, pred });
  }
  return out;
}

export interface Mape {
  readonly n: number;
  readonly ttft: number;
  readonly tpot: number;
}

export function mape(scored: readonly Scored[]): Mape {
  let t = 0,
    p = 0;
  for (const s of scored) {
    t += Math.abs(s.pred.ttftMs - s.row.ttftMs) / s.row.ttftMs;
    p += Math.abs(s.pred.tpotMs - s.row.tpotMs) / s.row.tpotMs;
  }
  const n = scored.length;
  return { n, ttft: n ? t / n : Number.NaN, tpot: n ? p / n : Number.NaN };
}

export const groupKey = (r: MeasuredRow): string => `${MODEL_MAP[r.modelPath] ?? r.modelPath} | ${GPU_MAP[r.system] ?? r.system} | ${r.backend} | ${r.mode}`;

export function mapeByGroup(scored: readonly Scored[]): Array<{ group: string } & Mape> {
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    const k = groupKey(s.row);
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, ss]) => ({ group, ...mape(ss) }));
}

export const isHopper = (r: MeasuredRow): boolean => r.system === 'h100_sxm' || r.system === 'h200_sxm';
