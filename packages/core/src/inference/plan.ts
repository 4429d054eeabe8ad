import { InferenceInputError } from './errors.js';
import { candidateLayouts } from './candidates.js';
import { planFleet, prefillFits, type FleetPlan } from './fleet.js';
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

export interface InferencePlan extends Omit<FleetPlan, 'decodePoint'> {
  readonly pareto: readonly ParetoPoint[];
  readonly launchSettings: { readonly prefill: LaunchSettings; readonly decode: LaunchSettings };
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
  const twoBatchOverlap = d['twoBatchOverlap'] === undefined ? true : d['twoBatchOverlap'] === true;
  const expertSkew = d['expertSkew'] === undefined ? 1 : positiveNumber(d['expertSkew'], 'deployment.expertSkew');
  let speculative: SpeculativeDecoding | null = null;
  if (d['mtp'] !== undefined) {
    const m = obj(d['mtp'], 'deployment.mtp');
    speculative = { draftTokens: positiveNumber(m['draftTokens'] ?? 1, 'deployment.mtp.draftTokens', { integer: true, max: 8 }), acceptance: fraction(m['acceptance'], 'deployment.mtp.acceptance', 0.85) };
  }
  const backend = typeof d['backend'] === 'string' ? d['backend'] : undefined;
  const kvB = kvBytesPerElement(prec.kvCache);
  const mk = (layout: Layout, role: 'prefill' | 'decode'): ServingSetup => makeSetup({
    arch, gpu, layout, weights: prec.weights, kvBytesPerElement: kvB, twoBatchOverlap, expertSkew,
    ...(backend ? { backend } : {}), speculative: role === 'decode' ? speculative : null, prefillChunkTokens: PREFILL_CHUNK,
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
  const plan = planFleet({ prefill, decode, workload: { inputTokensPerDay, cacheHitRate, outputTokensPerDay, averageContextTokens, peakToAverage }, slo, pricePerGpuHourUsd: price });
  const { decodePoint, ...rest } = plan;
  const pareto = decodePareto(decodeCands, averageContextTokens);
  const kvName = prec.kvCache;
  return {
    ...rest, pareto,
    launchSettings: {
      prefill: launchSettings({ layout: prefill.layout, kvCache: kvName, maxRunningRequests: Math.max(prefill.layout.attentionDp, Math.ceil(PREFILL_CHUNK / Math.max(req.newTokens, 1)) * prefill.layout.attentionDp), maxTokensPerStep: PREFILL_CHUNK, role: 'prefill' }),
      decode: launchSettings({ layout: decode.layout, kvCache: kvName, maxRunningRequests: Math.max(1, decodePoint.batch), maxTokensPerStep: Math.max(256, Math.ceil(decodePoint.batch / decode.layout.attentionDp) * (1 + (speculative?.draftTokens ?? 0))), role: 'decode', ...(speculative ? { speculativeDraftTokens: speculative.draftTokens } : {}) }),
    },
    assumptions,
  };
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
