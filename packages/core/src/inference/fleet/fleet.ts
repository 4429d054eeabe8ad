import { HOURS_PER_DAY } from '@gcp/contract';
import { convert } from '../../units/units.js';
import { links } from '../step/comm.js';
import { poolDailyCostUsd, sizeWholeInstancePool, type WholeInstancePool } from './instances.js';
import type { ResolvedLayout } from '../serving/layout.js';
import { gpuMemory, kvBytesPerSequencePerGpu } from '../memory/memory.js';
import { decodeOperatingPoint, type DecodePoint } from '../step/operating-point.js';
import { prefillLatencyS, prefillTokensPerSecond, type PrefillRequest } from '../step/prefill.js';
import type { ServingSetup } from '../serving/setup.js';

export interface FleetWorkload {
  readonly inputTokensPerDay: number;
  /** Fraction of input tokens served from the prefix (disk) cache. */
  readonly cacheHitRate: number;
  readonly outputTokensPerDay: number;
  /** Mean context a token sees (prompt position in prefill, KV length in decode). */
  readonly averageContextTokens: number;
  /** Hourly multipliers of the average load (24 values, mean 1): the daily shape the fleet follows. */
  readonly hourlyShape: readonly number[];
}

export interface FleetSlo {
  readonly minOutputTokensPerSecondPerUser?: number;
  readonly maxTtftMs?: number;
}

/** How the fleet is operated: the share of engine capacity an instance delivers, the least instances per pool. */
export interface FleetOperationsInput {
  /** workload.utilization: share of an instance's engine capacity it delivers on average, (0, 1]. */
  readonly utilization: number;
  /** deployment.minInstances: instances a pool keeps at any hour. */
  readonly minInstances: number;
  readonly pricePerGpuHourUsd: number;
}

/** Serving cost per million tokens by phase, USD (cache-hit input, cache-miss input, output). */
export interface CostPerMillionTokensUsd {
  readonly inputCacheHit: number;
  readonly inputCacheMiss: number;
  readonly output: number;
}

export interface PoolPlan extends WholeInstancePool {
  /** Average provisioned nodes over the day (= averageNodes). */
  readonly nodes: number;
  /**
   * Load per provisioned node, day average (DeepSeek's convention): prefill input tokens/s per
   * node counting cache hits, decode output tokens/s per node.
   */
  readonly tokensPerSecondPerNode: number;
  /** Engine capacity per node: the same rate with the instance saturated (prefill) or at the SLO batch (decode). */
  readonly capacityTokensPerSecondPerNode: number;
  /** Share of engine capacity an instance is sized to deliver: workload.utilization, lower for prefill under a tight TTFT SLO. */
  readonly utilization: number;
  readonly parallelism: ResolvedLayout;
  readonly minInstances: number;
  readonly gpuSecondsPerDay: number;
  readonly dailyCostUsd: number;
}

export interface PrefillPoolPlan extends PoolPlan {
  readonly computedTokensPerSecondPerNode: number;
  /** Highest utilisation at which the M/D/1 wait keeps TTFT within slo.maxTtftMs (absent without one). */
  readonly ttftUtilizationBound?: number;
  /** Mean TTFT at the pool's sizing utilisation: lone-prompt latency + M/D/1 queueing wait. */
  readonly ttftMs?: number;
}

export interface DecodePoolPlan extends PoolPlan {
  readonly batchPerInstance: number;
  readonly outputTokensPerSecondPerUser?: number;
  readonly tpotMs?: number;
}

const SECONDS_PER_DAY = convert(1, 'day', 's');
const TOKENS_PER_MILLION = 1e6;

/** Memory per GPU of a prefill instance holding one prompt of `contextTokens` per attention-DP rank. */
export function prefillMemory(ps: ServingSetup, contextTokens: number) {
  return gpuMemory({
    shape: ps.shape,
    gpu: ps.gpu,
    layout: ps.layout,
    weights: ps.weights,
    kvBytesPerElement: ps.kvBytesPerElement,
    contextTokens,
    maxTokensPerStep: ps.prefillChunkTokens,
  });
}

/** A prefill instance fits when every attention-DP rank can hold at least one prompt next to the weights. */
export function prefillFits(ps: ServingSetup, contextTokens: number): boolean {
  return prefillMemory(ps, contextTokens).maxConcurrency >= ps.layout.attentionDp;
}

/**
 * Instance-seconds one cache-hit token costs: loading its KV from the disk cache over the GPU's
 * scale-out NIC (each attention-DP rank loads its own prompts, in parallel).
 */
export function kvLoadSecondsPerHitToken(s: ServingSetup): number {
  return kvBytesPerSequencePerGpu(s.shape, s.layout, 1, s.kvBytesPerElement) / links(s.gpu).ibBps / s.layout.attentionDp;
}

/** The prompt a prefill instance computes for the workload: cache misses computed, hits loaded. */
export function prefillRequestOf(w: Pick<FleetWorkload, 'averageContextTokens' | 'cacheHitRate'>): PrefillRequest {
  const hit = w.averageContextTokens * w.cacheHitRate;
  return { newTokens: w.averageContextTokens - hit, cachedTokens: hit };
}

/** ENGINE of one prefill instance for the workload: what it can serve and at what TTFT. */
export interface PrefillEngine {
  readonly setup: ServingSetup;
  readonly reasons: readonly string[];
  /** Computed (cache-miss) tokens/s of the instance at saturation. */
  readonly missTokensPerSecond: number;
  readonly kvLoadSecondsPerHitToken: number;
  /** Input tokens/s (hits included) of the instance at saturation. */
  readonly capacityPerInstancePerS: number;
  /** One prompt alone, seconds. */
  readonly latencyS: number;
  readonly ttftUtilizationBound?: number;
}

/**
 * Prefill engine: a cache-miss token costs its forward pass (saturated prefill rate at the
 * workload's context), a cache-hit token its KV load over the NIC. Under slo.maxTtftMs the
 * instance runs no higher than the utilisation ρ whose M/D/1 wait ρ/(2(1−ρ))·S plus the prompt's
 * own latency S stays within the limit (each instance its own queue: conservative).
 */
export function prefillEngine(ps: ServingSetup, w: FleetWorkload, slo: FleetSlo): PrefillEngine {
  const reasons: string[] = [];
  const ctx = w.averageContextTokens;
  const req = prefillRequestOf(w);
  const pMem = prefillMemory(ps, ctx);
  if (!prefillFits(ps, ctx))
    reasons.push(
      `prefill: the layout does not fit in memory (${convert(pMem.weightsBytes, 'B', 'GB').toFixed(1)} GB weights + ${convert(pMem.workspaceBytes, 'B', 'GB').toFixed(1)} GB workspace per GPU of ${convert(pMem.capacityBytes, 'B', 'GB').toFixed(0)} GB)`,
    );
  const missRate = prefillTokensPerSecond(ps, req);
  const kvLoadS = kvLoadSecondsPerHitToken(ps);
  const instSPerRequest = req.newTokens / missRate + req.cachedTokens * kvLoadS;
  const latencyS = prefillLatencyS(ps, req) + req.cachedTokens * kvLoadS * ps.layout.attentionDp;
  let ttftUtilizationBound: number | undefined;
  if (slo.maxTtftMs !== undefined) {
    const slackS = convert(slo.maxTtftMs, 'ms', 's') - latencyS;
    if (slackS <= 0)
      reasons.push(
        `prefill: one prompt of ${Math.round(ctx)} tokens (${Math.round(req.newTokens)} computed) takes ${convert(latencyS, 's', 'ms').toFixed(0)} ms, over the TTFT limit`,
      );
    else ttftUtilizationBound = Math.min(1, (2 * slackS) / (2 * slackS + latencyS));
  }
  return {
    setup: ps,
    reasons,
    missTokensPerSecond: missRate,
    kvLoadSecondsPerHitToken: kvLoadS,
    capacityPerInstancePerS: ctx / instSPerRequest,
    latencyS,
    ...(ttftUtilizationBound !== undefined ? { ttftUtilizationBound } : {}),
  };
}

/** ENGINE of one decode instance: the largest batch that fits and meets the per-user speed. */
export interface DecodeEngine {
  readonly setup: ServingSetup;
  readonly reasons: readonly string[];
  readonly point: DecodePoint;
  /** Output tokens/s of the instance at the SLO batch (0 when nothing fits). */
  readonly capacityPerInstancePerS: number;
}

export function decodeEngine(ds: ServingSetup, w: FleetWorkload, slo: FleetSlo): DecodeEngine {
  const point = decodeOperatingPoint(ds, w.averageContextTokens, slo.minOutputTokensPerSecondPerUser);
  return {
    setup: ds,
    point,
    reasons: point.reasons.map((r) => `decode: ${r}`),
    capacityPerInstancePerS: point.step ? point.step.outputTokensPerSecondPerGpu * ds.layout.gpuCount : 0,
  };
}

const poolCommon = (
  pool: WholeInstancePool,
  s: ServingSetup,
  loadPerS: number,
  capacityPerInstancePerS: number,
  utilization: number,
  ops: FleetOperationsInput,
) => {
  const gpn = s.gpu.gpusPerNode.value;
  return {
    ...pool,
    nodes: pool.averageNodes,
    tokensPerSecondPerNode: pool.averageNodes > 0 ? loadPerS / pool.averageNodes : 0,
    capacityTokensPerSecondPerNode: capacityPerInstancePerS / pool.nodesPerInstance,
    utilization,
    parallelism: s.layout,
    minInstances: ops.minInstances,
    gpuSecondsPerDay: pool.averageNodes * gpn * SECONDS_PER_DAY,
    dailyCostUsd: poolDailyCostUsd(pool, gpn, ops.pricePerGpuHourUsd),
  };
};

/** The prefill pool in whole instances through the day. */
export function sizePrefillPool(e: PrefillEngine, w: FleetWorkload, ops: FleetOperationsInput): PrefillPoolPlan {
  const s = e.setup;
  const utilization = Math.min(ops.utilization, e.ttftUtilizationBound ?? 1);
  const loadPerS = w.inputTokensPerDay / SECONDS_PER_DAY;
  const nodesPerInstance = s.layout.gpuCount / s.gpu.gpusPerNode.value;
  const pool = sizeWholeInstancePool({
    averageLoadPerS: loadPerS,
    shape: w.hourlyShape,
    capacityPerInstancePerS: e.capacityPerInstancePerS,
    utilization,
    minInstances: ops.minInstances,
    nodesPerInstance,
  });
  const waitS = utilization < 1 ? (utilization / (2 * (1 - utilization))) * e.latencyS : Number.POSITIVE_INFINITY;
  const ttftMs = convert(e.latencyS + waitS, 's', 'ms');
  const common = poolCommon(pool, s, loadPerS, e.capacityPerInstancePerS, utilization, ops);
  return {
    ...common,
    computedTokensPerSecondPerNode: common.tokensPerSecondPerNode * (1 - w.cacheHitRate),
    ...(e.ttftUtilizationBound !== undefined ? { ttftUtilizationBound: e.ttftUtilizationBound } : {}),
    ...(Number.isFinite(ttftMs) ? { ttftMs } : {}),
  };
}

/** The decode pool in whole instances through the day. */
export function sizeDecodePool(e: DecodeEngine, w: FleetWorkload, ops: FleetOperationsInput): DecodePoolPlan {
  const s = e.setup;
  const loadPerS = w.outputTokensPerDay / SECONDS_PER_DAY;
  const nodesPerInstance = s.layout.gpuCount / s.gpu.gpusPerNode.value;
  const pool = sizeWholeInstancePool({
    averageLoadPerS: loadPerS,
    shape: w.hourlyShape,
    capacityPerInstancePerS: e.capacityPerInstancePerS,
    utilization: ops.utilization,
    minInstances: ops.minInstances,
    nodesPerInstance,
  });
  const step = e.point.step;
  return {
    ...poolCommon(pool, s, loadPerS, e.capacityPerInstancePerS, ops.utilization, ops),
    batchPerInstance: e.point.batch,
    ...(step ? { outputTokensPerSecondPerUser: step.outputTokensPerSecondPerUser, tpotMs: convert(step.tpotS, 's', 'ms') } : {}),
  };
}

export interface FleetPlan {
  readonly feasible: boolean;
  readonly reasons: readonly string[];
  readonly prefill: PrefillPoolPlan;
  readonly decode: DecodePoolPlan;
  readonly averageNodes: number;
  readonly peakNodes: number;
  /** Provisioned nodes of the whole fleet in each hour. */
  readonly hourlyNodes: readonly number[];
  readonly gpuHoursPerDay: number;
  readonly dailyCostUsd: number;
  readonly costPerMillionTokensUsd: CostPerMillionTokensUsd;
  readonly decodePoint: DecodePoint;
}

/** Per-million-token prices from a daily cost split by weights (GPU-seconds per token), so that Σ price × volume = cost. */
export function splitDailyCost(dailyCostUsd: number, parts: ReadonlyArray<{ readonly tokensPerDay: number; readonly weight: number }>): number[] {
  const total = parts.reduce((a, p) => a + p.tokensPerDay * p.weight, 0);
  return parts.map((p) => (total > 0 && Number.isFinite(total) ? (dailyCostUsd * p.weight) / total : Number.POSITIVE_INFINITY) * TOKENS_PER_MILLION);
}

/** Hourly node counts of pools scaled on the same daily shape, added hour by hour. */
export function hourlyNodesOf(pools: ReadonlyArray<WholeInstancePool>): number[] {
  const out: number[] = [];
  for (let h = 0; h < HOURS_PER_DAY; h++) out.push(pools.reduce((a, p) => a + (p.hourlyInstances[h] ?? 0) * p.nodesPerInstance, 0));
  return out;
}

/**
 * Disaggregated fleet in whole instances. ENGINE (physics calibrated on closed-loop benchmarks,
 * efficiency.ts): each pool's capacity per instance. OPERATIONS (the request's utilisation and
 * minimum instances): each hour provisions ⌈load ÷ (capacity × utilisation)⌉ instances of each
 * pool, at least minInstances. Average nodes are the day's mean provisioned nodes, peak nodes the
 * busiest hour's; daily cost = provisioned node-hours × GPUs per node × price; the prefill pool's
 * cost is split between cache-hit and cache-miss tokens by the GPU time each takes (KV load vs
 * forward pass), the decode pool's is the output tokens'.
 */
export function planFleet(args: { prefill: PrefillEngine; decode: DecodeEngine; workload: FleetWorkload; operations: FleetOperationsInput }): FleetPlan {
  const { prefill: pe, decode: de, workload: w, operations: ops } = args;
  const prefill = sizePrefillPool(pe, w, ops);
  const decode = sizeDecodePool(de, w, ops);
  const reasons = [...pe.reasons, ...de.reasons];
  const hourlyNodes = hourlyNodesOf([prefill, decode]);
  const averageNodes = prefill.averageNodes + decode.averageNodes;
  const gpn = de.setup.gpu.gpusPerNode.value;
  const gpuHoursPerDay = averageNodes * gpn * HOURS_PER_DAY;
  const [inputCacheHit = 0, inputCacheMiss = 0] = splitDailyCost(prefill.dailyCostUsd, [
    { tokensPerDay: w.inputTokensPerDay * w.cacheHitRate, weight: pe.kvLoadSecondsPerHitToken },
    { tokensPerDay: w.inputTokensPerDay * (1 - w.cacheHitRate), weight: 1 / pe.missTokensPerSecond },
  ]);
  const output = w.outputTokensPerDay > 0 ? (decode.dailyCostUsd / w.outputTokensPerDay) * TOKENS_PER_MILLION : 0;
  return {
    feasible: reasons.length === 0,
    reasons,
    prefill,
    decode,
    averageNodes,
    peakNodes: Math.max(...hourlyNodes),
    hourlyNodes,
    gpuHoursPerDay,
    dailyCostUsd: prefill.dailyCostUsd + decode.dailyCostUsd,
    costPerMillionTokensUsd: { inputCacheHit, inputCacheMiss, output },
    decodePoint: de.point,
  };
}
