import type { InferencePlanRequest } from '@gcp/contract';
import { fleetCalibration } from '../../calibration-bands/lookup.js';
import type { CalibrationSummary } from '../../calibration-bands/types.js';
import { PlannerInputError } from '../../errors.js';
import { aggregatedPareto, type AggregatedParetoPoint } from '../serving/aggregated.js';
import type { AggregatedFleetPlan } from './aggregated-fleet.js';
import { dailyShape, shapePeakToAverage } from './daily-load.js';
import { alternativesTo, searchFleet, type FleetAlternative } from './fleet-search.js';
import type { CostPerMillionTokensUsd, FleetPlan } from './fleet.js';
import { DEFAULT_MIN_INSTANCES } from './instances.js';
import { contextWithinModel, resolveGpu, resolveModel } from '../inputs.js';
import { launchSettings, type LaunchSettings } from '../serving/launch-settings.js';
import { resolveLayout, type Layout } from '../serving/layout.js';
import { assertLayoutAllowed } from '../serving/layout-rules.js';
import { DEFAULT_UTILIZATION_SOURCE, FLEET_OPERATIONS } from './operations.js';
import { decodePareto, type ParetoPoint } from '../serving/pareto.js';
import { fleetWarnings } from './plan-warnings.js';
import { kvBytesPerElement } from '../memory/precision.js';
import { estimateEnergy } from '../../cost/energy.js';
import { priceAssumption, priceUsed, type PriceUsed } from '../../prices/price-used.js';
import { HOURS_PER_DAY } from '@gcp/contract';
import { requestShape } from './request-shape.js';
import { DEFAULT_PREFILL_CHUNK_TOKENS, makeSetup, type SpeculativeDecoding } from '../serving/setup.js';
import { servingPrecision } from '../serving/throughput.js';
import { explainInferencePlan } from '../../explain/inference.js';
import type { Explanations } from '@gcp/contract';

/** The contract's POST /v1/inference/plan body, validated. */
export type PlanRequest = InferencePlanRequest;

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
 * `feasible`, `reasons`, `averageNodes`, `peakNodes`, `hourlyNodes`, `gpuHoursPerDay`,
 * `dailyCostUsd` and `costPerMillionTokensUsd` describe the fleet of `mode` (the requested one,
 * or for "auto" the cheaper feasible one in whole instances).
 */
export interface InferencePlan extends Omit<FleetPlan, 'decodePoint'> {
  readonly mode: DeploymentMode;
  /** 80% prediction intervals on averageNodes and dailyCostUsd from held-out residuals (calibration-bands/). */
  readonly calibration: CalibrationSummary;
  /** workload.utilization used to size every pool (the default when the request gives none). */
  readonly utilization: number;
  readonly minInstances: number;
  readonly pricePerGpuHourUsd: number;
  /** The rental price charged and where it came from (the request, or the GPU's price file). */
  readonly price: PriceUsed;
  /** Facility energy of the chosen fleet per day (average provisioned GPUs), MWh; CO₂ tonnes per day when gridKgCo2PerKwh is given. */
  readonly energyMWhPerDay: number;
  readonly co2TonnesPerDay?: number;
  readonly pareto: readonly ParetoPoint[];
  readonly launchSettings: { readonly prefill: LaunchSettings; readonly decode: LaunchSettings };
  /** Present when the aggregated fleet was weighed (mode "aggregated" or "auto", or no layout pinned). */
  readonly aggregated?: AggregatedPlanBlock;
  /** Both modes side by side, whenever both were weighed. */
  readonly comparison?: { readonly chosen: DeploymentMode; readonly disaggregated: ModeSummary; readonly aggregated: ModeSummary };
  /** Up to five plans the search weighed and did not choose, with their cost, layout and why each lost. */
  readonly alternatives: readonly FleetAlternative[];
  readonly warnings: readonly string[];
  /** Formula and values of each headline number of the fleet of `mode` (explain/inference.ts). */
  readonly explanations: Explanations;
  /** Plans the search evaluated in full, and candidate layouts it skipped (even minInstances of them cost more than the best feasible pool). */
  readonly layoutsWeighed: number;
  readonly layoutsSkipped: number;
  readonly assumptions: readonly string[];
}

/** Tokens per prefill forward pass: the one default of every serving estimate (setup.ts), the chunk the engine was calibrated at. */
const PREFILL_CHUNK = DEFAULT_PREFILL_CHUNK_TOKENS;
/** Mean context a token sees when the request gives none (capped by the model's positions). */
const DEFAULT_AVERAGE_CONTEXT_TOKENS = 4096;
/** Busiest hour ÷ daily average when the request gives neither peakToAverage nor hourlyLoad: a flat day. */
const DEFAULT_PEAK_TO_AVERAGE = 1;
/** MTP draft tokens per step, and their chained acceptance, when `deployment.mtp` leaves them out (DeepSeek-V3's one MTP module). */
const DEFAULT_MTP_DRAFT_TOKENS = 1;
const DEFAULT_MTP_ACCEPTANCE = 0.85;
/** Share of input tokens from the prefix cache when the request gives none. */
const DEFAULT_CACHE_HIT_RATE = 0;
/** Busiest EP rank's load ÷ mean when the request gives none: balanced routing. */
const BALANCED_EXPERT_SKEW = 1;
/** Decode launch settings size max_num_tokens at least this large (engines' smallest useful token budget). */
const MIN_DECODE_TOKENS_PER_STEP = 256;

const summary = (f: {
  feasible: boolean;
  reasons: readonly string[];
  averageNodes: number;
  peakNodes: number;
  gpuHoursPerDay: number;
  dailyCostUsd: number;
  costPerMillionTokensUsd: CostPerMillionTokensUsd;
}): ModeSummary => ({
  feasible: f.feasible,
  reasons: f.reasons,
  averageNodes: f.averageNodes,
  peakNodes: f.peakNodes,
  gpuHoursPerDay: f.gpuHoursPerDay,
  dailyCostUsd: f.dailyCostUsd,
  costPerMillionTokensUsd: f.costPerMillionTokensUsd,
});

/** Serving fleet in whole instances, its alternatives, Pareto frontier and launch settings (the /v1/inference/plan endpoint). */
export function planInference(r: PlanRequest): InferencePlan {
  const arch = resolveModel(r.model);
  const gpu = resolveGpu(r.gpu);
  const prec = servingPrecision(r.precision);
  const w = r.workload;
  const { inputTokensPerDay, outputTokensPerDay } = w;
  const cacheHitRate = w.cacheHitRate ?? DEFAULT_CACHE_HIT_RATE;
  const averageContextTokens = w.averageContextTokens ?? Math.min(DEFAULT_AVERAGE_CONTEXT_TOKENS, arch.maxPositionEmbeddings);
  contextWithinModel(arch, averageContextTokens, 'workload.averageContextTokens');
  const hourlyShape = dailyShape(w.hourlyLoad, w.peakToAverage ?? DEFAULT_PEAK_TO_AVERAGE);
  const utilization = w.utilization ?? FLEET_OPERATIONS.loadFollowingUtilization;
  const sloIn = r.slo ?? {};
  const slo = {
    ...(sloIn.minOutputTokensPerSecondPerUser !== undefined ? { minOutputTokensPerSecondPerUser: sloIn.minOutputTokensPerSecondPerUser } : {}),
    ...(sloIn.maxTtftMs !== undefined ? { maxTtftMs: sloIn.maxTtftMs } : {}),
  };
  const priceInfo = priceUsed(gpu.id, r.pricePerGpuHourUsd);
  const price = priceInfo.usdPerGpuHour;
  const d = r.deployment ?? {};
  const pinned = {
    ...(d.prefill !== undefined ? { prefill: d.prefill } : {}),
    ...(d.decode !== undefined ? { decode: d.decode } : {}),
    ...(d.aggregated !== undefined ? { aggregated: d.aggregated } : {}),
  } as { prefill?: Layout; decode?: Layout; aggregated?: Layout };
  // default mode: what pinned layouts imply, else the cheaper of the two
  const defaultMode = pinned.prefill || pinned.decode ? 'disaggregated' : pinned.aggregated ? 'aggregated' : 'auto';
  const modeIn = d.mode ?? defaultMode;
  const minInstances = d.minInstances ?? DEFAULT_MIN_INSTANCES;
  const twoBatchOverlap = d.twoBatchOverlap ?? true;
  const expertSkew = d.expertSkew ?? BALANCED_EXPERT_SKEW;
  const speculative: SpeculativeDecoding | null =
    d.mtp === undefined
      ? null
      : {
          draftTokens: d.mtp.draftTokens ?? DEFAULT_MTP_DRAFT_TOKENS,
          acceptance: d.mtp.acceptance ?? DEFAULT_MTP_ACCEPTANCE,
        };
  for (const [role, layout] of Object.entries(pinned)) assertLayoutAllowed(resolveLayout(layout, arch, `deployment.${role}`), arch, gpu, `deployment.${role}`);
  const backend = d.backend;
  const kvB = kvBytesPerElement(prec.kvCache);
  const mk = (layout: Layout, role: 'prefill' | 'decode' | 'aggregated') =>
    makeSetup({
      arch,
      gpu,
      layout,
      weights: prec.weights,
      kvBytesPerElement: kvB,
      twoBatchOverlap,
      expertSkew,
      ...(backend ? { backend } : {}),
      speculative: role === 'prefill' ? null : speculative,
      prefillChunkTokens: PREFILL_CHUNK,
    });
  const assumptions: string[] = [];
  const workload = { inputTokensPerDay, cacheHitRate, outputTokensPerDay, averageContextTokens, hourlyShape };
  const operations = { utilization, minInstances, pricePerGpuHourUsd: price };
  const noneFixed = !pinned.prefill && !pinned.decode && !pinned.aggregated;
  const weighAggregated = modeIn !== 'disaggregated' || noneFixed;
  const aggregatedShape = weighAggregated
    ? requestShape(w, { arch, averageContextTokens, cacheHitRate, inputTokensPerDay, outputTokensPerDay }, assumptions)
    : undefined;
  const found = searchFleet({ arch, gpu, mk, workload, slo, operations, pinned, ...(aggregatedShape ? { aggregatedShape } : {}) });
  const { decodePoint, ...dis } = found.disaggregated;
  const agg = found.aggregated;

  let mode: DeploymentMode = modeIn === 'aggregated' ? 'aggregated' : 'disaggregated';
  if (modeIn === 'auto' && agg) {
    // equal daily cost: the lower peak, then the aggregated fleet (one pool, no KV transfer between pools)
    const aggWins =
      agg.fleet.feasible &&
      (!dis.feasible || agg.fleet.dailyCostUsd < dis.dailyCostUsd || (agg.fleet.dailyCostUsd === dis.dailyCostUsd && agg.fleet.peakNodes <= dis.peakNodes));
    mode = aggWins ? 'aggregated' : 'disaggregated';
  }
  const chosenAlt = found.ranked.find((a) => a.mode === mode);
  if (!chosenAlt) throw PlannerInputError.at('deployment', 'no layout to evaluate', 'unsupported');
  const alternatives = alternativesTo(chosenAlt, found.ranked, modeIn === 'auto' ? undefined : modeIn);

  assumptions.push(
    ...planAssumptions({
      pinned,
      weighAggregated,
      modeIn,
      utilizationGiven: w.utilization !== undefined,
      utilization,
      minInstances,
      price: priceInfo,
      hourlyGiven: w.hourlyLoad !== undefined,
      peakToAverage: shapePeakToAverage(hourlyShape),
      minGpus: found.minGpus,
      gpusPerNode: gpu.gpusPerNode.value,
    }),
  );
  const kvName = prec.kvCache;
  let aggregated: AggregatedPlanBlock | undefined;
  if (agg) {
    aggregated = {
      ...agg.fleet,
      launchSettings: launchSettings({
        layout: agg.engine.setup.layout,
        kvCache: kvName,
        maxRunningRequests: Math.max(1, agg.engine.point.batch),
        maxTokensPerStep: PREFILL_CHUNK,
        role: 'aggregated',
        ...(speculative ? { speculativeDraftTokens: speculative.draftTokens } : {}),
      }),
      pareto: aggregatedPareto(agg.setups, agg.engine.shape),
    };
  }
  const disSummary = summary(dis);
  const top = mode === 'aggregated' && agg ? { ...summary(agg.fleet), hourlyNodes: agg.fleet.hourlyNodes } : { ...disSummary, hourlyNodes: dis.hourlyNodes };
  const pf = dis.prefill.parallelism;
  const newTokens = averageContextTokens * (1 - cacheHitRate);
  const warnings = fleetWarnings({ mode, modeIn, dis, agg: agg?.fleet, utilization, minInstances });
  const plan = {
    ...dis,
    ...top,
    mode,
    utilization,
    minInstances,
    pricePerGpuHourUsd: price,
    price: priceInfo,
    ...dailyEnergy(top.averageNodes * gpu.gpusPerNode.value, gpu.tdpW.value, r.gridKgCo2PerKwh),
    calibration: fleetCalibration(gpu, arch, backend, { averageNodes: top.averageNodes, dailyCostUsd: top.dailyCostUsd }),
    pareto: decodePareto(found.decodeSetups, averageContextTokens),
    launchSettings: {
      prefill: launchSettings({
        layout: pf,
        kvCache: kvName,
        maxRunningRequests: Math.max(pf.attentionDp, Math.ceil(PREFILL_CHUNK / Math.max(newTokens, 1)) * pf.attentionDp),
        maxTokensPerStep: PREFILL_CHUNK,
        role: 'prefill',
      }),
      decode: launchSettings({
        layout: dis.decode.parallelism,
        kvCache: kvName,
        maxRunningRequests: Math.max(1, decodePoint.batch),
        maxTokensPerStep: Math.max(
          MIN_DECODE_TOKENS_PER_STEP,
          Math.ceil(decodePoint.batch / dis.decode.parallelism.attentionDp) * (1 + (speculative?.draftTokens ?? 0)),
        ),
        role: 'decode',
        ...(speculative ? { speculativeDraftTokens: speculative.draftTokens } : {}),
      }),
    },
    ...(aggregated ? { aggregated } : {}),
    ...(agg ? { comparison: { chosen: mode, disaggregated: disSummary, aggregated: summary(agg.fleet) } } : {}),
    alternatives,
    warnings,
    layoutsWeighed: found.layoutsWeighed,
    layoutsSkipped: found.layoutsSkipped,
    assumptions,
  };
  const workloadFigures = { inputTokensPerDay, outputTokensPerDay, cacheHitRate, hourlyShape, gpusPerNode: gpu.gpusPerNode.value };
  return { ...plan, explanations: explainInferencePlan(plan, workloadFigures) };
}

function planAssumptions(a: {
  pinned: { prefill?: Layout; decode?: Layout; aggregated?: Layout };
  weighAggregated: boolean;
  modeIn: string;
  utilizationGiven: boolean;
  utilization: number;
  minInstances: number;
  price: PriceUsed;
  hourlyGiven: boolean;
  peakToAverage: number;
  minGpus: number | null;
  gpusPerNode: number;
}): string[] {
  const out: string[] = [];
  out.push(
    `utilization ${a.utilization.toFixed(3)}: each hour provisions whole instances to serve its load at this share of their engine capacity${a.utilizationGiven ? ' (workload.utilization)' : ` (default, ${DEFAULT_UTILIZATION_SOURCE})`}`,
  );
  out.push(
    `whole instances: every pool keeps at least ${a.minInstances} instance(s) and scales hour by hour; cost = provisioned node-hours × GPUs per node × price`,
  );
  out.push(
    a.hourlyGiven
      ? 'daily shape from workload.hourlyLoad (normalised to mean 1)'
      : `default daily shape: one smooth peak per day (von Mises wave), peak ÷ average ${a.peakToAverage.toFixed(2)} (workload.peakToAverage)`,
  );
  if (!a.pinned.prefill) out.push('prefill layout: the cheapest feasible pool in whole instances among the candidates (ties: more capacity per GPU)');
  if (!a.pinned.decode) out.push('decode layout: the cheapest feasible pool in whole instances at the SLO among the candidates (ties: more capacity per GPU)');
  if (a.weighAggregated && !a.pinned.aggregated)
    out.push('aggregated layout: the cheapest feasible pool in whole instances at the SLO, prefill interference included');
  if (a.minGpus !== null)
    out.push(
      `the smallest instance that holds the weights is ${a.minGpus} GPU(s) (${a.minGpus >= a.gpusPerNode ? `${a.minGpus / a.gpusPerNode} node(s)` : 'part of a node'}); candidates run from it to DeepSeek-scale units`,
    );
  if (a.modeIn === 'auto') out.push('deployment.mode "auto": the cheaper feasible mode by whole-instance daily cost');
  out.push(priceAssumption(a.price));
  out.push('energy per day = average provisioned GPUs × TDP × mean draw ÷ TDP × server factor × PUE × 24 h (cost/energy.ts)');
  return out;
}

/** Facility energy of `gpus` running all day (and CO₂ when a grid intensity is given). */
function dailyEnergy(gpus: number, tdpW: number, gridKgCo2PerKwh: number | undefined): { energyMWhPerDay: number; co2TonnesPerDay?: number } {
  const e = estimateEnergy({ gpuCount: gpus, tdpW, hours: HOURS_PER_DAY, ...(gridKgCo2PerKwh !== undefined ? { gridKgCo2PerKwh } : {}) });
  return { energyMWhPerDay: e.energyMWh, ...(e.co2Tonnes !== undefined ? { co2TonnesPerDay: e.co2Tonnes } : {}) };
}
