/**
 * The error-band table (src/calibration-bands/data/bands.ts) from the held-out calibration rows:
 * training runs marked held out (minus those on hardware no catalog GPU represents, marked †) and the
 * held-out scored serving rows. Each group's finite-sample 10% / 90% bounds of measured ÷ predicted (conformalBound) become
 * the 80% interval of a prediction in that group.
 */
import { getGpu, getModel, normalizeConfig, type GpuSpec, type ModelArchitecture } from '../../src/index.js';
import { inferenceGroupKeys, modelKind, trainingGroupKeys } from '../../src/calibration-bands/lookup.js';
import type { BandTable, CalibrationBands } from '../../src/calibration-bands/types.js';
import { INFERENCE_EFFICIENCY } from '../../src/inference/step/efficiency.js';
import { loadCleanRows } from '../inference/clean.js';
import { scoreRows } from '../inference/evaluate.js';
import { GPU_MAP, MODEL_MAP } from '../inference/predict.js';
import { configKey, fnv1a, isFitRow, isScoredRow } from '../inference/split.js';
import { predict } from '../training/evaluate-runs.js';
import { PUBLISHED_RUNS } from '../training/published-runs.js';
import { crossCoverage, groupQuantiles, type Residual } from './quantiles.js';

export const BAND_QUANTILES = [0.1, 0.9] as const;
/** The rows every band is derived from, each with its own source. */
export const BANDS_SOURCE =
  'derived: measured ÷ predicted on held-out rows — training: the published runs of calibration/training/published-runs.ts (each run names its paper or benchmark page; docs/training-accuracy.md), serving: the aiconfigurator silicon sample (NVIDIA, Apache-2.0; calibration/inference/data, docs/inference-accuracy.md)';
/** Fewest rows a group needs for its own interval (fewer: the next coarser group's). */
export const MIN_GROUP_ROWS = 5;

function trainingModel(model: unknown): ModelArchitecture {
  if (typeof model === 'string') return getModel(model)!.architecture;
  return normalizeConfig((model as { config: Record<string, unknown> }).config as never);
}

function trainingGpu(gpu: unknown): GpuSpec {
  return typeof gpu === 'string' ? getGpu(gpu)! : (gpu as GpuSpec);
}

export function trainingResiduals(): { residuals: Residual[]; gpus: Set<string>; kinds: Set<string> } {
  const residuals: Residual[] = [];
  const gpus = new Set<string>(),
    kinds = new Set<string>();
  PUBLISHED_RUNS.forEach((run, i) => {
    if (run.fit || run.hardwareCaveat) return;
    const gpu = trainingGpu(run.request.gpu);
    const kind = modelKind(trainingModel(run.request.model));
    const r = predict(run);
    gpus.add(gpu.id);
    kinds.add(kind);
    residuals.push({ keys: trainingGroupKeys(gpu.architecture, kind), ratio: run.published / r.predicted, fold: (i % 2) as 0 | 1 });
  });
  return { residuals, gpus, kinds };
}

export function servingResiduals(): { ttft: Residual[]; tpot: Residual[]; gpus: Set<string>; kinds: Set<string>; backends: Set<string> } {
  const { rows } = loadCleanRows();
  const held = scoreRows(
    rows.filter((r) => MODEL_MAP[r.modelPath] && GPU_MAP[r.system] && isScoredRow(r) && !isFitRow(r)),
    INFERENCE_EFFICIENCY,
  );
  const ttft: Residual[] = [],
    tpot: Residual[] = [];
  const gpus = new Set<string>(),
    kinds = new Set<string>(),
    backends = new Set<string>();
  for (const s of held) {
    const gpu = getGpu(GPU_MAP[s.row.system]!)!;
    const kind = modelKind(getModel(MODEL_MAP[s.row.modelPath]!)!.architecture);
    // the fit/test split uses the hash's lowest bit; the coverage folds use the next one
    const fold = ((fnv1a(configKey(s.row)) >>> 1) & 1) as 0 | 1;
    gpus.add(gpu.id);
    kinds.add(kind);
    backends.add(s.row.backend);
    ttft.push({ keys: inferenceGroupKeys(gpu.architecture, kind, 'prefill', s.row.backend), ratio: s.row.ttftMs / s.pred.ttftMs, fold });
    tpot.push({ keys: inferenceGroupKeys(gpu.architecture, kind, 'decode', s.row.backend), ratio: s.row.tpotMs / s.pred.tpotMs, fold });
  }
  return { ttft, tpot, gpus, kinds, backends };
}

const sorted = (s: Set<string>) => [...s].sort();

export function computeBands(): CalibrationBands {
  const [lowP, highP] = BAND_QUANTILES;
  const tr = trainingResiduals();
  const sv = servingResiduals();
  const training: BandTable = {
    represented: { gpus: sorted(tr.gpus), modelKinds: sorted(tr.kinds), backends: [] },
    groups: groupQuantiles(tr.residuals, lowP, highP),
  };
  const inference: BandTable = {
    represented: { gpus: sorted(sv.gpus), modelKinds: sorted(sv.kinds), backends: sorted(sv.backends) },
    groups: { ...groupQuantiles(sv.ttft, lowP, highP), ...groupQuantiles(sv.tpot, lowP, highP) },
  };
  return {
    source: BANDS_SOURCE,
    kind: 'derived',
    quantiles: [lowP, highP],
    minGroupRows: MIN_GROUP_ROWS,
    training,
    inference,
    coverage: {
      training: crossCoverage(tr.residuals, lowP, highP, MIN_GROUP_ROWS),
      ttft: crossCoverage(sv.ttft, lowP, highP, MIN_GROUP_ROWS),
      tpot: crossCoverage(sv.tpot, lowP, highP, MIN_GROUP_ROWS),
    },
  };
}
