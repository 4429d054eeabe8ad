import { aggregatedOperatingPoint, aggregatedOutputPerGpu, aggregatedPareto, planAggregatedFleet, type AggregatedFleetPlan, type AggregatedParetoPoint, type AggregatedRequestShape } from './aggregated.js';
import type { ModelArchitecture } from '../models/types.js';
import { InferenceInputError } from './errors.js';
import { candidateLayouts } from './candidates.js';
import { planFleet, prefillFits, type CostPerMillionTokensUsd, type FleetPlan } from './fleet.js';
import { contextWithinModel, fraction, positiveNumber, resolveGpu, resolveModel } from './inputs.js';
import { launchSettings, type LaunchSettings } from './launch-settings.js';
import type { Layout } from './layout.js';
import { decodeOperatingPoint } from './operating-point.js';
import { decodePareto, type ParetoPoint } from './pareto.js';
import { prefillTokensPerSecond } from './prefill.js';
import { kvBytesPerElement } from './precision.js';
import { makeSetup, type ServingSetup, type SpeculativeDecoding } from './setup.js';
import { parseLayout, parsePrecision } from './throughput.js';

export interface PlanRequest {
  readonly model: unknown;
  readonly gpu: unknown;
  readonly precision: unknown;
  readonly workload: unknown;
  readonly slo?: unknown;
  readonly pricePerGpuHourUsd?: unknown;
  readonly deployment?: unknown;
}

export type DeploymentMode = 'disaggregated' | 'aggregated';

/** One mode's fleet in the comparison. */
export interface ModeSummary {
  readonly feasible: boolean;
  readonly reasons: readonly string[];
  readonly averageNodes: number;
  readonly peakNodes: number;
  readonly gpuHoursPerDay: number;
  readonly dailyCostUsd: number;
  readonly costPerMillionTokensUsd: CostPerMillionTokensUsd;
}

export interface AggregatedPlanBlock extends AggregatedFleetPlan {
  readonly launchSettings: LaunchSettings;
  /** Aggregated frontier of output tokens/s per GPU against tokens/s per user (prefill interference included). */
  readonly pareto: readonly AggregatedParetoPoint[];
}

/**
 * `prefill`, `decode`, `pareto` and `launchSettings` always describe the DISAGGREGATED fleet;
 * `feasible`, `reasons`, `averageNodes`, `peakNodes`, `gpuHoursPerDay`, `dailyCostUsd` and
 * `costPerMillionTokensUsd` describe the fleet of `mode` (the requested one, or for "auto" the
 * cheaper feasible one).
 */
export interface InferencePlan extends Omit<FleetPlan, 'decodePoint'> {
  readonly mode: DeploymentMode;
  readonly pareto: readonly ParetoPoint[];
  readonly launchSettings: { readonly prefill: LaunchSettings; readonly decode: LaunchSettings };
  /** Present when deployment.mode is "aggregated" or "auto". */
  readonly aggregated?: AggregatedPlanBlock;
  /** Both modes side by side; present when deployment.mode is "aggregated" or "auto". */
  readonly comparison?: { readonly chosen: DeploymentMode; readonly disaggregated: ModeSummary; readonly aggregated: ModeSummary };
  readonly assumptions: readonly string[];
}

/** Default price when the request gives none: DeepSeek's assumed H800 rental (V3 report §1, Day-6 post). */
export const DEFAULT_PRICE_PER_GPU_HOUR_USD = 2;
const PREFILL_CHUNK = 16384;

const obj = (v: unknown, field: string): Record<string, unknown> => {
  if (v === undefined) return {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new InferenceInputError(field, 'must be an object');
  return v as Record<string, unknown>;
};

/** Disaggregated fleet plan with Pareto frontier and launch settings (the /v1/inference/plan endpoint). */
export function planInference(r: PlanRequest): InferencePlan {
  const arch = resolveModel(r.model);
  const gpu = resolveGpu(r.gpu);
  const prec = parsePrecision(r.precision);
  const w = obj(r.workload, 'workload');
  const inputTokensPerDay = positiveNumber(w['inputTokensPerDay'], 'workload.inputTokensPerDay');
  const outputTokensPerDay = positiveNumber(w['outputTokensPerDay'], 'workload.outputTokensPerDay');
  const cacheHitRate = fraction(w['cacheHitRate'], 'workload.cacheHitRate', 0);
  const averageContextTokens = w['averageContextTokens'] === undefined ? Math.min(4096, arch.maxPositionEmbeddings) : positiveNumber(w['averageContextTokens'], 'workload.averageContextTokens');
  contextWithinModel(arch, averageContextTokens, 'workload.averageContextTokens');
  const peakToAverage = w['peakToAverage'] === undefined ? 1 : positiveNumber(w['peakToAverage'], 'workload.peakToAverage');
  if (peakToAverage < 1) throw new InferenceInputError('workload.peakToAverage', 'must be at least 1');
  const sloIn = obj(r.slo, 'slo');
  const slo = {
    ...(sloIn['minOutputTokensPerSecondPerUser'] !== undefined ? { minOutputTokensPerSecondPerUser: positiveNumber(sloIn['minOutputTokensPerSecondPerUser'], 'slo.minOutputTokensPerSecondPerUser') } : {}),
    ...(sloIn['maxTtftMs'] !== undefined ? { maxTtftMs: positiveNumber(sloIn['maxTtftMs'], 'slo.maxTtftMs') } : {}),
  };
  const price = r.pricePerGpuHourUsd === undefined ? DEFAULT_PRICE_PER_GPU_HOUR_USD : positiveNumber(r.pricePerGpuHourUsd, 'pricePerGpuHourUsd');
  const d = obj(r.deployment, 'deployment');
  const modeIn = d['mode'] ?? 'disaggregated';
  if (modeIn !== 'disaggregated' && modeIn !== 'aggregated' && modeIn !== 'auto') throw new InferenceInputError('deployment.mode', 'must be one of disaggregated, aggregated, auto');
  const twoBatchOverlap = d['twoBatchOverlap'] === undefined ? true : d['twoBatchOverlap'] === true;
  const expertSkew = d['expertSkew'] === undefined ? 1 : positiveNumber(d['expertSkew'], 'deployment.expertSkew');
  let speculative: SpeculativeDecoding | null = null;
  if (d['mtp'] !== undefined) {
    const m = obj(d['mtp'], 'deployment.mtp');
    speculative = { draftTokens: positiveNumber(m['draftTokens'] ?? 1, 'deployment.mtp.draftTokens', { integer: true, max: 8 }), acceptance: fraction(m['acceptance'], 'deployment.mtp.acceptance', 0.85) };
  }
  const backend = typeof d['backend'] === 'string' ? d['backend'] : undefined;
  const kvB = kvBytesPerElement(prec.kvCache);
  const mk = (layout: Layout, role: 'prefill' | 'decode' | 'aggregated'): ServingSetup => makeSetup({
    arch, gpu, layout, weights: prec.weights, kvBytesPerElement: kvB, twoBatchOverlap, expertSkew,
    ...(backend ? { backend } : {}), speculative: role === 'prefill' ? null : speculative, prefillChunkTokens: PREFILL_CHUNK,
  });
  const assumptions: string[] = [];
  const decodeCands = d['decode'] !== undefined ? [mk(parseLayout(d['decode'], 'deployment.decode'), 'decode')] : candidateLayouts(arch, gpu, 'decode').map((l) => mk(l, 'decode'));
  const prefillCands = d['prefill'] !== undefined ? [mk(parseLayout(d['prefill'], 'deployment.prefill'), 'prefill')] : candidateLayouts(arch, gpu, 'prefill').map((l) => mk(l, 'prefill'));
  const hit = averageContextTokens * cacheHitRate;
  const req = { newTokens: averageContextTokens - hit, cachedTokens: hit };
  // layouts that fit rank by computed tokens/s per GPU; if none fits, the largest is reported with its reasons
  const prefill = pickBest(prefillCands, (s) => prefillFits(s, averageContextTokens) ? prefillTokensPerSecond(s, req) / s.layout.gpuCount : -1 / s.layout.gpuCount);
  // feasible layouts rank by tokens/s per GPU at the SLO; when none is feasible, the one that
  // fits and comes closest to the per-user speed is reported (its reasons say by how much)
  const decode = pickBest(decodeCands, (s) => {
    const p = decodeOperatingPoint(s, averageContextTokens, slo.minOutputTokensPerSecondPerUser);
    if (p.feasible && p.step) return p.step.outputTokensPerSecondPerGpu;
    return p.step ? -1 / Math.max(p.step.outputTokensPerSecondPerUser, 1e-9) : -Infinity;
  });
  if (d['prefill'] === undefined) assumptions.push('prefill layout chosen among candidates by computed tokens/s per GPU');
  if (d['decode'] === undefined) assumptions.push('decode layout chosen among candidates by output tokens/s per GPU at the SLO');
  if (r.pricePerGpuHourUsd === undefined) assumptions.push(`price ${DEFAULT_PRICE_PER_GPU_HOUR_USD} USD per GPU-hour (DeepSeek's assumed H800 rental)`);
  const fleetWorkload = { inputTokensPerDay, cacheHitRate, outputTokensPerDay, averageContextTokens, peakToAverage };
  const plan = planFleet({ prefill, decode, workload: fleetWorkload, slo, pricePerGpuHourUsd: price });
  const { decodePoint, ...rest } = plan;
  const pareto = decodePareto(decodeCands, averageContextTokens);
  const kvName = prec.kvCache;

  let aggregated: AggregatedPlanBlock | undefined;
  let comparison: InferencePlan['comparison'];
  let mode: DeploymentMode = 'disaggregated';
  let top: ModeSummary = { feasible: rest.feasible, reasons: rest.reasons, averageNodes: rest.averageNodes, peakNodes: rest.peakNodes, gpuHoursPerDay: rest.gpuHoursPerDay, dailyCostUsd: rest.dailyCostUsd, costPerMillionTokensUsd: rest.costPerMillionTokensUsd };
  if (modeIn !== 'disaggregated') {
    const shape = requestShape(w, { arch, averageContextTokens, cacheHitRate, inputTokensPerDay, outputTokensPerDay }, assumptions);
    const aggCands = d['aggregated'] !== undefined ? [mk(parseLayout(d['aggregated'], 'deployment.aggregated'), 'aggregated')] : candidateLayouts(arch, gpu, 'decode').map((l) => mk(l, 'aggregated'));
    // feasible layouts rank by output tokens/s per GPU at the SLO; when none is feasible, the one
    // that fits and comes closest to the SLO is reported with its reasons
    let best: { s: ServingSetup; p: ReturnType<typeof aggregatedOperatingPoint>; score: number } | undefined;
    for (const s of aggCands) {
      const p = aggregatedOperatingPoint(s, shape, slo);
      const score = p.feasible ? aggregatedOutputPerGpu(s, shape, p) : -p.shortfall;
      if (!best || score > best.score) best = { s, p, score };
    }
    if (!best) throw new InferenceInputError('deployment', 'no layout to evaluate');
    if (d['aggregated'] === undefined) assumptions.push('aggregated layout chosen among candidates by output tokens/s per GPU at the SLO (prefill interference included)');
    assumptions.push(`aggregated pool at the same loadFollowingUtilization as the disaggregated pools (an operations property); mean request ${shape.inputTokens} input / ${shape.outputTokens} output tokens`);
    const fleet = planAggregatedFleet({ setup: best.s, point: best.p, shape, workload: fleetWorkload, pricePerGpuHourUsd: price });
    aggregated = {
      ...fleet,
      launchSettings: launchSettings({ layout: best.s.layout, kvCache: kvName, maxRunningRequests: Math.max(1, best.p.batch), maxTokensPerStep: PREFILL_CHUNK, role: 'aggregated', ...(speculative ? { speculativeDraftTokens: speculative.draftTokens } : {}) }),
      pareto: aggregatedPareto(aggCands, shape),
    };
    const aggSummary: ModeSummary = { feasible: fleet.feasible, reasons: fleet.reasons, averageNodes: fleet.nodes, peakNodes: fleet.peakNodes, gpuHoursPerDay: fleet.gpuHoursPerDay, dailyCostUsd: fleet.dailyCostUsd, costPerMillionTokensUsd: fleet.costPerMillionTokensUsd };
    const disSummary = top;
    if (modeIn === 'aggregated') mode = 'aggregated';
    else {
      // auto: the cheaper feasible mode; when neither is feasible, the default (disaggregated)
      const aggWins = aggSummary.feasible && (!disSummary.feasible || aggSummary.dailyCostUsd < disSummary.dailyCostUsd);
      mode = aggWins ? 'aggregated' : 'disaggregated';
      assumptions.push('deployment.mode "auto": the cheaper feasible mode by daily cost');
    }
    if (mode === 'aggregated') top = aggSummary;
    comparison = { chosen: mode, disaggregated: disSummary, aggregated: aggSummary };
  }
  return {
    ...rest, ...top, mode, pareto,
    launchSettings: {
      prefill: launchSettings({ layout: prefill.layout, kvCache: kvName, maxRunningRequests: Math.max(prefill.layout.attentionDp, Math.ceil(PREFILL_CHUNK / Math.max(req.newTokens, 1)) * prefill.layout.attentionDp), maxTokensPerStep: PREFILL_CHUNK, role: 'prefill' }),
      decode: launchSettings({ layout: decode.layout, kvCache: kvName, maxRunningRequests: Math.max(1, decodePoint.batch), maxTokensPerStep: Math.max(256, Math.ceil(decodePoint.batch / decode.layout.attentionDp) * (1 + (speculative?.draftTokens ?? 0))), role: 'decode', ...(speculative ? { speculativeDraftTokens: speculative.draftTokens } : {}) }),
    },
    ...(aggregated ? { aggregated } : {}),
    ...(comparison ? { comparison } : {}),
    assumptions,
  };
}

/**
 * The mean request of the day for the aggregated closed loop: `workload.averageInputTokens` /
 * `averageOutputTokens` when given; otherwise the prompt is `averageContextTokens` (what the
 * prefill pool computes, hits at `cacheHitRate`) and the output follows from the daily volumes
 * (output ÷ input tokens per day × prompt), capped so the sequence fits the model's positions.
 */
function requestShape(
  w: Record<string, unknown>,
  c: { arch: ModelArchitecture; averageContextTokens: number; cacheHitRate: number; inputTokensPerDay: number; outputTokensPerDay: number },
  assumptions: string[],
): AggregatedRequestShape {
  const ratio = c.outputTokensPerDay / c.inputTokensPerDay;
  const givenIn = w['averageInputTokens'] === undefined ? undefined : positiveNumber(w['averageInputTokens'], 'workload.averageInputTokens');
  const givenOut = w['averageOutputTokens'] === undefined ? undefined : positiveNumber(w['averageOutputTokens'], 'workload.averageOutputTokens');
  if (givenIn !== undefined) contextWithinModel(c.arch, givenIn + 1, 'workload.averageInputTokens');
  let input = givenIn ?? (givenOut !== undefined ? givenOut / ratio : c.averageContextTokens);
  input = Math.max(1, Math.round(Math.min(input, c.arch.maxPositionEmbeddings - 1)));
  let output = Math.max(1, Math.round(givenOut ?? input * ratio));
  if (input + output > c.arch.maxPositionEmbeddings) {
    if (givenIn !== undefined && givenOut !== undefined) throw new InferenceInputError('workload.averageOutputTokens', "with averageInputTokens exceeds the model's max_position_embeddings");
    output = c.arch.maxPositionEmbeddings - input;
    assumptions.push('aggregated: output tokens per request capped at the model\'s max_position_embeddings');
  }
  if (givenIn === undefined && givenOut === undefined) assumptions.push('aggregated: prompt = averageContextTokens, output per request from the daily output ÷ input volumes');
  return { inputTokens: input, outputTokens: output, cacheHitRate: c.cacheHitRate };
}

function pickBest(cands: readonly ServingSetup[], score: (s: ServingSetup) => number): ServingSetup {
  let best = cands[0];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of cands) {
    const v = score(c);
    if (v > bestScore || best === undefined) { best = c; bestScore = v; }
  }
  if (!best) throw new InferenceInputError('deployment', 'no layout to evaluate');
  return best;
}
