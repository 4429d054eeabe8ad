import { convert } from '../units/units.js';
import { links } from './comm.js';
import { decodeOperatingPoint, type DecodePoint } from './operating-point.js';
import { kvBytesPerSequencePerGpu, gpuMemory } from './memory.js';
import { prefillLatencyS, prefillTokensPerSecond } from './prefill.js';
import type { ResolvedLayout } from './layout.js';
import type { ServingSetup } from './setup.js';

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
  readonly nodes: number;
  /** Prefill: input tokens per second per node, cache hits included (DeepSeek's convention); decode: output tokens. */
  readonly tokensPerSecondPerNode: number;
  readonly parallelism: ResolvedLayout;
  readonly nodesPerInstance: number;
  readonly instances: number;
  readonly gpuSecondsPerDay: number;
}

export interface PrefillPoolPlan extends PoolPlan {
  readonly computedTokensPerSecondPerNode: number;
  readonly utilization: number;
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
  readonly costPerMillionTokensUsd: { readonly inputCacheHit: number; readonly inputCacheMiss: number; readonly output: number };
  readonly decodePoint: DecodePoint;
}

const SECONDS_PER_DAY = convert(1, 'day', 's');

/**
 * Disaggregated fleet for a daily token volume.
 *  - Prefill pool: a cache-miss token costs its forward pass (prefill rate of the instance at the
 *    workload's context), a cache-hit token costs loading its KV from the disk cache over the
 *    GPU's scale-out NIC. Per-node throughput counts both, as DeepSeek's disclosure does. Under a
 *    TTFT SLO the pool runs at the utilisation ρ whose M/D/1 queueing wait ρ/(2(1−ρ))·S plus the
 *    prompt's own prefill S stays within maxTtft; without one, at capacity.
 *  - Decode pool: the largest batch that fits and meets the per-user speed.
 *  - Average nodes follow the average load (pools autoscale); peak nodes carry peakToAverage
 *    times the load, rounded up to whole instances.
 *  - Cost per million tokens splits each pool's GPU time by what consumes it: cache-miss input
 *    the prefill compute, cache-hit input the KV load, output the decode pool.
 */
export function planFleet(args: { prefill: ServingSetup; decode: ServingSetup; workload: FleetWorkload; slo: FleetSlo; pricePerGpuHourUsd: number }): FleetPlan {
  const { prefill: ps, decode: ds, workload: w, slo } = args;
  const reasons: string[] = [];
  const ctx = w.averageContextTokens;
  const hitTokens = ctx * w.cacheHitRate;
  const req = { newTokens: ctx - hitTokens, cachedTokens: hitTokens };

  // --- prefill pool
  const pfGpus = ps.layout.gpuCount;
  const gpnP = ps.gpu.gpusPerNode.value;
  const pMem = gpuMemory({ shape: ps.shape, gpu: ps.gpu, layout: ps.layout, weights: ps.weights, kvBytesPerElement: ps.kvBytesPerElement, contextTokens: ctx, maxTokensPerStep: ps.prefillChunkTokens });
  if (pMem.maxConcurrency < ps.layout.attentionDp) reasons.push(`prefill: the layout does not fit in memory (${(pMem.weightsBytes / 1e9).toFixed(1)} GB weights + ${(pMem.workspaceBytes / 1e9).toFixed(1)} GB workspace per GPU of ${(pMem.capacityBytes / 1e9).toFixed(0)} GB)`);
  const missRate = prefillTokensPerSecond(ps, req); // computed tokens/s of the instance at saturation
  const kvLoadSPerHitToken = kvBytesPerSequencePerGpu(ps.shape, ps.layout, 1, ps.kvBytesPerElement) / links(ps.gpu).ibBps / ps.layout.attentionDp;
  const instSPerRequest = req.newTokens / missRate + hitTokens * kvLoadSPerHitToken;
  const latencyS = prefillLatencyS(ps, req) + hitTokens * kvLoadSPerHitToken * ps.layout.attentionDp;
  let utilization = 1;
  let ttftMs: number | undefined;
  if (slo.maxTtftMs !== undefined) {
    const slackS = convert(slo.maxTtftMs, 'ms', 's') - latencyS;
    if (slackS <= 0) {
      reasons.push(`prefill: one prompt of ${Math.round(ctx)} tokens (${Math.round(req.newTokens)} computed) takes ${(latencyS * 1e3).toFixed(0)} ms, over the ${slo.maxTtftMs} ms TTFT limit`);
      utilization = 1;
    } else {
      utilization = Math.min(1, (2 * slackS) / (2 * slackS + latencyS));
      ttftMs = convert(latencyS + (utilization / (2 * (1 - utilization))) * latencyS, 's', 'ms');
      if (!Number.isFinite(ttftMs)) ttftMs = undefined;
    }
  } else {
    ttftMs = convert(latencyS, 's', 'ms');
  }
  const pfInstTokPerS = (ctx / instSPerRequest) * utilization;
  const pfNodesPerInst = pfGpus / gpnP;
  const pfPerNode = pfInstTokPerS / pfNodesPerInst;
  const inputPerS = w.inputTokensPerDay / SECONDS_PER_DAY;
  const pfNodes = inputPerS / pfPerNode;

  // --- decode pool
  const point = decodeOperatingPoint(ds, ctx, slo.minOutputTokensPerSecondPerUser);
  reasons.push(...point.reasons.map((r) => `decode: ${r}`));
  const gpnD = ds.gpu.gpusPerNode.value;
  const dNodesPerInst = ds.layout.gpuCount / gpnD;
  const dPerNode = point.step ? (point.step.outputTokensPerSecondPerGpu * gpnD) : 0;
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
    nodes: pfNodes, tokensPerSecondPerNode: pfPerNode, computedTokensPerSecondPerNode: pfPerNode * (1 - w.cacheHitRate),
    parallelism: ps.layout, nodesPerInstance: pfNodesPerInst, instances: pfNodes / pfNodesPerInst,
    gpuSecondsPerDay: pfNodes * gpnP * SECONDS_PER_DAY, utilization, ...(ttftMs !== undefined ? { ttftMs } : {}),
  };
  const decodePlan: DecodePoolPlan = {
    nodes: dNodes, tokensPerSecondPerNode: dPerNode, parallelism: ds.layout, nodesPerInstance: dNodesPerInst, instances: dNodes / dNodesPerInst,
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
