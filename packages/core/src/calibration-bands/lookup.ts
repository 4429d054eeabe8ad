import type { GpuSpec } from '../gpus/types.js';
import type { ModelArchitecture } from '../models/types.js';
import { CALIBRATION_BANDS } from './data/bands.js';
import type { BandTable, CalibrationSummary, Interval, ResidualQuantiles } from './types.js';

/** Model kind of a calibration group. */
export function modelKind(arch: ModelArchitecture): 'moe' | 'dense' {
  return arch.moe ? 'moe' : 'dense';
}

/** Group keys of a training prediction, finest first: GPU generation × model kind, generation, everything. */
export function trainingGroupKeys(architecture: string, kind: string): string[] {
  return [`${architecture}|${kind}`, architecture, 'all'];
}

/** Group keys of a serving prediction, finest first: generation × kind × phase × backend, then coarser. */
export function inferenceGroupKeys(architecture: string, kind: string, phase: 'prefill' | 'decode', backend: string | undefined): string[] {
  const keys = [`${architecture}|${kind}|${phase}`, `${architecture}|${phase}`, phase];
  return backend ? [`${architecture}|${kind}|${phase}|${backend}`, ...keys] : keys;
}

function pick(table: BandTable, keys: readonly string[]): { key: string; q: ResidualQuantiles } {
  for (const key of keys) {
    const q = table.groups[key];
    if (q && q.rows >= CALIBRATION_BANDS.minGroupRows) return { key, q };
  }
  const key = keys[keys.length - 1]!;
  return { key, q: table.groups[key] ?? { rows: 0, low: 1, high: 1 } };
}

/** Interval of a value proportional to the measured quantity (`direct`) or inversely proportional to it. */
function interval(value: number, q: ResidualQuantiles, direct: boolean): Interval {
  return direct ? { low: value * q.low, high: value * q.high } : { low: value / q.high, high: value / q.low };
}

function representation(table: BandTable, gpu: GpuSpec, kind: string, backend: string | undefined): string[] {
  const notes: string[] = [];
  if (!table.represented.gpus.includes(gpu.id))
    notes.push(`no calibration row ran on ${gpu.name}: the band is borrowed from other ${gpu.architecture} or all GPUs`);
  if (!table.represented.modelKinds.includes(kind)) notes.push(`no calibration row is a ${kind} model`);
  if (backend && !table.represented.backends.includes(backend)) notes.push(`no calibration row used the ${backend} backend`);
  return notes;
}

const QUANTILE_NOTE = `80% prediction interval: the finite-sample 10% and 90% bounds of measured ÷ predicted over the group's held-out rows`;

/** `calibration` of a training plan: bands on tokens/s per GPU and GPU-hours. */
export function trainingCalibration(gpu: GpuSpec, arch: ModelArchitecture, values: { tokensPerSecondPerGpu: number; gpuHours: number }): CalibrationSummary {
  const table = CALIBRATION_BANDS.training;
  const kind = modelKind(arch);
  const { key, q } = pick(table, trainingGroupKeys(gpu.architecture, kind));
  const notes = representation(table, gpu, kind, undefined);
  return {
    group: key,
    heldOutRows: q.rows,
    intervals: {
      tokensPerSecondPerGpu: interval(values.tokensPerSecondPerGpu, q, true),
      gpuHours: interval(values.gpuHours, q, false),
    },
    extrapolated: notes.length > 0,
    notes: [QUANTILE_NOTE, ...notes],
  };
}

/** `calibration` of one serving instance: TTFT from the prefill group, TPOT and tokens/s per GPU from the decode group. */
export function throughputCalibration(
  gpu: GpuSpec,
  arch: ModelArchitecture,
  backend: string | undefined,
  values: { ttftMs: number; tpotMs: number; outputTokensPerSecondPerGpu: number },
): CalibrationSummary {
  const table = CALIBRATION_BANDS.inference;
  const kind = modelKind(arch);
  const pre = pick(table, inferenceGroupKeys(gpu.architecture, kind, 'prefill', backend));
  const dec = pick(table, inferenceGroupKeys(gpu.architecture, kind, 'decode', backend));
  const notes = representation(table, gpu, kind, backend);
  return {
    group: dec.key,
    heldOutRows: dec.q.rows,
    intervals: {
      ttftMs: interval(values.ttftMs, pre.q, true),
      tpotMs: interval(values.tpotMs, dec.q, true),
      outputTokensPerSecondPerGpu: interval(values.outputTokensPerSecondPerGpu, dec.q, false),
    },
    extrapolated: notes.length > 0,
    notes: [QUANTILE_NOTE, `TTFT from group ${pre.key} (${pre.q.rows} rows)`, ...notes],
  };
}

/**
 * `calibration` of a fleet plan: nodes and daily cost scale with the time each output token takes
 * (decode group). Whole-instance rounding is not widened: the band is on the fleet the load needs.
 */
export function fleetCalibration(
  gpu: GpuSpec,
  arch: ModelArchitecture,
  backend: string | undefined,
  values: { averageNodes: number; dailyCostUsd: number },
): CalibrationSummary {
  const table = CALIBRATION_BANDS.inference;
  const kind = modelKind(arch);
  const dec = pick(table, inferenceGroupKeys(gpu.architecture, kind, 'decode', backend));
  const notes = representation(table, gpu, kind, backend);
  return {
    group: dec.key,
    heldOutRows: dec.q.rows,
    intervals: {
      averageNodes: interval(values.averageNodes, dec.q, true),
      dailyCostUsd: interval(values.dailyCostUsd, dec.q, true),
    },
    extrapolated: notes.length > 0,
    notes: [
      QUANTILE_NOTE,
      'fleet size scales with the decode time per output token (measured ÷ predicted TPOT); whole-instance rounding is not widened',
      ...notes,
    ],
  };
}
