import { INFERENCE_EFFICIENCY, type InferenceEfficiency } from '../../src/inference/step/efficiency.js';
import type { MeasuredRow } from './csv.js';
import { loadCleanRows } from './clean.js';
import { isHopper, mape, mapeByGroup, scoreRows, type Mape } from './evaluate.js';
import { admittedBatch, MODEL_MAP, GPU_MAP } from './predict.js';
import { configKey, isFitRow, isQueueingRow, isScoredRow, isUnsizedDisaggRow } from './split.js';

export interface AccuracyReport {
  readonly rowsTotal: number;
  readonly rowsMapped: number;
  readonly fitRows: number;
  readonly heldOutRows: number;
  /** Distinct configurations (split.ts configKey) among the scored held-out rows. */
  readonly heldOutConfigurations: number;
  readonly heldOut: Mape;
  readonly heldOutHopperAgg: Mape;
  /** The DeepSeek-R1/V3 rows of `heldOutHopperAgg`. */
  readonly heldOutHopperAggDeepSeek: Mape;
  readonly heldOutQueueing: Mape;
  /** Held-out scored agg rows (in `heldOut`) whose concurrency exceeds what the planner's paged KV sustains: predicted with a slot wait. */
  readonly heldOutKvLimited: Mape;
  /** Held-out disaggregated rows that state their pool sizes (in `heldOut`). */
  readonly heldOutDisagg: Mape;
  /** Held-out disaggregated rows without pool sizes (not in `heldOut`; one prefill + one decode instance assumed). */
  readonly heldOutUnsizedDisagg: Mape;
  readonly fitSide: Mape;
  readonly groups: Array<{ group: string } & Mape>;
}

const DEEPSEEK_MODELS: ReadonlySet<string> = new Set(['deepseek-v3', 'deepseek-r1']);
const isDeepSeek = (r: MeasuredRow): boolean => DEEPSEEK_MODELS.has(MODEL_MAP[r.modelPath] ?? '');

/** MAPE of the planner with `eff` on the measured rows (held-out half unless said otherwise). */
export function accuracyReport(eff: InferenceEfficiency = INFERENCE_EFFICIENCY, rows: readonly MeasuredRow[] = loadCleanRows().rows): AccuracyReport {
  const mapped = rows.filter((r) => MODEL_MAP[r.modelPath] && GPU_MAP[r.system]);
  const normal = mapped.filter(isScoredRow);
  const held = scoreRows(
    normal.filter((r) => !isFitRow(r)),
    eff,
  );
  return {
    rowsTotal: rows.length,
    rowsMapped: mapped.length,
    fitRows: normal.filter(isFitRow).length,
    heldOutRows: held.length,
    heldOutConfigurations: new Set(held.map((s) => configKey(s.row))).size,
    heldOut: mape(held),
    heldOutHopperAgg: mape(held.filter((s) => isHopper(s.row) && s.row.mode === 'agg')),
    heldOutHopperAggDeepSeek: mape(held.filter((s) => isHopper(s.row) && s.row.mode === 'agg' && isDeepSeek(s.row))),
    heldOutQueueing: mape(
      scoreRows(
        mapped.filter((r) => isQueueingRow(r) && !isFitRow(r)),
        eff,
      ),
    ),
    heldOutKvLimited: mape(held.filter((s) => s.row.mode === 'agg' && s.row.concurrency > admittedBatch(s.row))),
    heldOutDisagg: mape(held.filter((s) => s.row.mode === 'disagg')),
    heldOutUnsizedDisagg: mape(
      scoreRows(
        mapped.filter((r) => isUnsizedDisaggRow(r) && !isFitRow(r)),
        eff,
      ),
    ),
    fitSide: mape(scoreRows(normal.filter(isFitRow), eff)),
    groups: mapeByGroup(held),
  };
}
