import { convert } from '../units/units.js';
import { links } from './comm.js';
import { decodeOperatingPoint, type DecodePoint } from './operating-point.js';
import { kvBytesPerSequencePerGpu, gpuMemory } from './memory.js';
import { prefillLatencyS, prefillTokensPerSecond } from './prefill.js';
import type { ResolvedLayout } from './layout.js';
import type { ServingSetup } from './setup.js';
import { FLEET_OPERATIONS, type FleetOperations } from './operations.js';

export interface FleetWorkload {
  readonly inputTokensPerDay: number;
  /** Fraction of input tokens served from the prefix (disk) cache. */
  readonly cacheHitRate: number;
  readonly outputTokensPerDay: number;
  /** Mean context a token sees (prompt position in prefill, KV length in decode). */
  readonly averageContextTokens: number;
  /** Peak ÷ average load over the day (sizes peak nodes). */
  readonly peakToAverage: number;
}

export interface FleetSlo {
  readonly minOutputTokensPerSecondPerUser?: number;
  readonly maxTtftMs?: number;
}

export interface PoolPlan {
  /** Average provisioned nodes over the day. */
  readonly nodes: number;
  /**
   * Provisioned average per node (what DeepSeek disclosed): engine capacity × utilization.
   * Prefill: input tokens per second per node, cache hits included (DeepSeek's convention); decode: output tokens.
   */
  readonly tokensPerSecondPerNode: number;
  /** Engine capacity per node: the same rate with the pool saturated (prefill) or at the SLO batch (decode). */
  readonly capacityTokensPerSecondPerNode: number;
  /** Mean fraction of engine capacity the provisioned pool serves (operations.ts; lower under a tight TTFT SLO). */
  readonly utilization: number;
  readonly parallelism: ResolvedLayout;
  readonly nodesPerInstance: number;
  readonly instances: number;
  readonly gpuSecondsPerDay: number;
}

export interface PrefillPoolPlan extends PoolPlan {
  readonly computedTokensPerSecondPerNode: number;
  /** Highest utilisation at which the M/D/1 wait keeps TTFT within slo.maxTtftMs (absent without one). */
  readonly ttftUtilizationBound?: number;
  /** Mean TTFT at the pool's utilisation: lone-prompt latency + M/D/1 queueing wait. */
  readonly ttftMs?: number;
}

export interface DecodePoolPlan extends PoolPlan {
  readonly batchPerInstance: number;
  readonly outputTokensPerSecondPerUser?: number;
  readonly tpotMs?: number;
}

export interface FleetPlan {
  readonly feasible: boolean;
  readonly reasons: readonly string[];
  readonly prefill: PrefillPoolPlan;
  readonly decode: DecodePoolPlan;
  readonly averageNodes: number;
  readonly peakNodes: number;
  readonly gpuHoursPerDay: number;
  readonly dailyCostUsd: number;
  readonly costPerMillionTokensUsd: CostPerMillionTokensUsd;
  readonly decodePoint: DecodePoint;
}

const SECONDS_PER_DAY = convert(1, 'day', 's');

/**
 * Disaggregated fleet for a daily token volume. Two layers:
 *  ENGINE (physics calibrated on closed-loop benchmarks, efficiency.ts): capacity per node.
 *  - Prefill: a cache-miss token costs its forward pass (prefill rate of the instance at the
 *    workload's context), a cache-hit token costs loading its KV from the disk cache over the
 *    GPU's scale-out NIC. Per-node throughput counts both, as DeepSeek's disclosure does.
 *  - Decode: the largest batch that fits and meets the per-user speed.
 *  OPERATIONS (operations.ts): a load-following fleet serves on average `loadFollowingUtilization`
 *    of the capacity it has provisioned; a prefill pool under a TTFT SLO runs no higher than the
 *    utilisation ρ whose M/D/1 wait ρ/(2(1−ρ))·S plus the prompt's own prefill S stays within
 *    maxTtft (each instance taken as its own queue: conservative against pooled M/D/c).
 *  - Average nodes = load ÷ (capacity × utilisation) per pool; peak nodes carry peakToAverage
 *    times that, rounded up to whole instances.
 *  - Cost per million tokens splits each pool's GPU time by what consumes it: cache-miss input
 *    the prefill compute, cache-hit input the KV load, output the decode pool.
 */
/** Memory per GPU of a prefill instance holding one prompt of `contextTokens` per attention-DP rank. */
/** Serving cost per million tokens by phase, USD (cache-hit input, cache-miss input, output). */
export interface CostPerMillionTokensUsd {
  readonly inputCacheHit: number;
  readonly inputCacheMiss: number;
  readonly output: number;
}

export function prefillMemory(ps: ServingSetup, contextTokens: number) {
  return gpuMemory({ shape: ps.shape, gpu: ps.gpu, layout: ps.layout, weights: ps.weights, kvBytesPerElement: ps.kvBytesPerElement, contextTokens, maxTokensPerStep: ps.prefillChunkTokens });
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

export function planFleet(args: { prefill: ServingSetup; decode: ServingSetup; workload: FleetWorkload; slo: FleetSlo; pricePerGpuHourUsd: number; operations?: FleetOperations }): FleetPlan {
  const { prefill: ps, decode: ds, workload: w, slo } = args;
  const ops = args.operations ?? FLEET_OPERATIONS;
  const reasons: string[] = [];
  const ctx = w.averageContextTokens;
  const hitTokens = ctx * w.cacheHitRate;
  const req = { newTokens: ctx - hitTokens, cachedTokens: hitTokens };

  // --- prefill pool
  const pfGpus = ps.layout.gpuCount;
  const gpnP = ps.gpu.gpusPerNode.value;
  const pMem = prefillMemory(ps, ctx);
  if (!prefillFits(ps, ctx)) reasons.push(`prefill: the layout does not fit in memory (${convert(pMem.weightsBytes, 'B', 'GB').toFixed(1)} GB weights + ${convert(pMem.workspaceBytes, 'B', 'GB').toFixed(1)} GB workspace per GPU of ${convert(pMem.capacityBytes, 'B', 'GB').toFixed(0)} GB)`);
  const missRate = prefillTokensPerSecond(ps, req); // computed tokens/s of the instance at saturation
  const kvLoadSPerHitToken = kvLoadSecondsPerHitToken(ps);
  const instSPerRequest = req.newTokens / missRate + hitTokens * kvLoadSPerHitToken;
  const latencyS = prefillLatencyS(ps, req) + hitTokens * kvLoadSPerHitToken * ps.layout.attentionDp;
  // utilisation: the load-following mean (operations.ts), lowered further when the M/D/1 wait
  // ρ/(2(1−ρ))·S on top of the prompt's own latency S would break the TTFT SLO
  let ttftBound: number | undefined;
  if (slo.maxTtftMs !== undefined) {
    const slackS = convert(slo.maxTtftMs, 'ms', 's') - latencyS;
    if (slackS <= 0) reasons.push(`prefill: one prompt of ${Math.round(ctx)} tokens (${Math.round(req.newTokens)} computed) takes ${(latencyS * 1e3).toFixed(0)} ms, over the TTFT limit`);
    else ttftBound = Math.min(1, (2 * slackS) / (2 * slackS + latencyS));
  }
  const utilization = Math.min(ops.loadFollowingUtilization, ttftBound ?? 1);
  const waitS = utilization < 1 ? (utilization / (2 * (1 - utilization))) * latencyS : Number.POSITIVE_INFINITY;
  const ttftRaw = convert(latencyS + waitS, 's', 'ms');
  const ttftMs = Number.isFinite(ttftRaw) ? ttftRaw : undefined;
  const pfNodesPerInst = pfGpus / gpnP;
  const pfCapacityPerNode = (ctx / instSPerRequest) / pfNodesPerInst;
  const pfPerNode = pfCapacityPerNode * utilization;
  const inputPerS = w.inputTokensPerDay / SECONDS_PER_DAY;
  const pfNodes = inputPerS / pfPerNode;

  // --- decode pool
  const point = decodeOperatingPoint(ds, ctx, slo.minOutputTokensPerSecondPerUser);
  reasons.push(...point.reasons.map((r) => `decode: ${r}`));
  const gpnD = ds.gpu.gpusPerNode.value;
  const dNodesPerInst = ds.layout.gpuCount / gpnD;
  const dCapacityPerNode = point.step ? (point.step.outputTokensPerSecondPerGpu * gpnD) : 0;
  const dUtilization = ops.loadFollowingUtilization;
  const dPerNode = dCapacityPerNode * dUtilization;
  const outputPerS = w.outputTokensPerDay / SECONDS_PER_DAY;
  const dNodes = dPerNode > 0 ? outputPerS / dPerNode : Number.POSITIVE_INFINITY;

  const averageNodes = pfNodes + dNodes;
  const unit = (nodes: number, per: number) => Math.ceil((nodes * w.peakToAverage) / per - 1e-9) * per;
  const peakNodes = unit(pfNodes, pfNodesPerInst) + unit(dNodes, dNodesPerInst);
  const gpuHoursPerDay = averageNodes * gpnD * 24;
  const dailyCostUsd = gpuHoursPerDay * args.pricePerGpuHourUsd;

  // cost attribution: GPU-seconds per token of each kind
  const usdPerGpuS = args.pricePerGpuHourUsd / convert(1, 'h', 's');
  const pfGpuSPerMiss = (pfGpus / missRate) / utilization;
  const pfGpuSPerHit = (pfGpus * kvLoadSPerHitToken) / utilization;
  const dGpuSPerOut = dPerNode > 0 ? gpnD / dPerNode : Number.POSITIVE_INFINITY;
  const perM = (gpuS: number) => gpuS * usdPerGpuS * 1e6;

  const prefillPlan: PrefillPoolPlan = {
    nodes: pfNodes, tokensPerSecondPerNode: pfPerNode, capacityTokensPerSecondPerNode: pfCapacityPerNode, utilization,
    computedTokensPerSecondPerNode: pfPerNode * (1 - w.cacheHitRate),
    parallelism: ps.layout, nodesPerInstance: pfNodesPerInst, instances: pfNodes / pfNodesPerInst,
    gpuSecondsPerDay: pfNodes * gpnP * SECONDS_PER_DAY,
    ...(ttftBound !== undefined ? { ttftUtilizationBound: ttftBound } : {}), ...(ttftMs !== undefined ? { ttftMs } : {}),
  };
  const decodePlan: DecodePoolPlan = {
    nodes: dNodes, tokensPerSecondPerNode: dPerNode, capacityTokensPerSecondPerNode: dCapacityPerNode, utilization: dUtilization, parallelism: ds.layout, nodesPerInstance: dNodesPerInst, instances: dNodes / dNodesPerInst,
    gpuSecondsPerDay: dNodes * gpnD * SECONDS_PER_DAY, batchPerInstance: point.batch,
    ...(point.step ? { outputTokensPerSecondPerUser: point.step.outputTokensPerSecondPerUser, tpotMs: convert(point.step.tpotS, 's', 'ms') } : {}),
  };
  return {
    feasible: reasons.length === 0, reasons, prefill: prefillPlan, decode: decodePlan,
    averageNodes, peakNodes, gpuHoursPerDay, dailyCostUsd,
    costPerMillionTokensUsd: { inputCacheHit: perM(pfGpuSPerHit), inputCacheMiss: perM(pfGpuSPerMiss), output: perM(dGpuSPerOut) },
    decodePoint: point,
  };
}
