import { HOURS_PER_DAY } from '@gcp/contract';
import { convert } from '../../units/units.js';
import { aggregatedOperatingPoint, type AggregatedPoint, type AggregatedRequestShape } from '../serving/aggregated.js';
import {
  kvLoadSecondsPerHitToken,
  splitDailyCost,
  type CostPerMillionTokensUsd,
  type FleetOperationsInput,
  type FleetSlo,
  type FleetWorkload,
} from './fleet.js';
import { poolDailyCostUsd, sizeWholeInstancePool, type WholeInstancePool } from './instances.js';
import type { ResolvedLayout } from '../serving/layout.js';
import type { ServingSetup } from '../serving/setup.js';

const SECONDS_PER_DAY = convert(1, 'day', 's');

/** ENGINE of one aggregated instance for the mean request: the SLO batch and its request cycle. */
export interface AggregatedEngine {
  readonly setup: ServingSetup;
  readonly shape: AggregatedRequestShape;
  readonly point: AggregatedPoint;
  /** Requests per second one instance completes at the SLO batch (0 when nothing fits). */
  readonly requestsPerSecond: number;
}

export function aggregatedEngine(s: ServingSetup, shape: AggregatedRequestShape, slo: FleetSlo): AggregatedEngine {
  const point = aggregatedOperatingPoint(s, shape, slo);
  const perReq = point.instanceSPerRequest;
  return { setup: s, shape, point, requestsPerSecond: perReq && perReq > 0 ? 1 / perReq : 0 };
}

export interface AggregatedFleetPlan extends WholeInstancePool {
  readonly feasible: boolean;
  readonly reasons: readonly string[];
  /** Average provisioned nodes over the day (= averageNodes). */
  readonly nodes: number;
  readonly hourlyNodes: readonly number[];
  readonly gpuHoursPerDay: number;
  readonly dailyCostUsd: number;
  readonly costPerMillionTokensUsd: CostPerMillionTokensUsd;
  /** Load per provisioned node, day average (input counts cache hits, as the prefill pool). */
  readonly tokensPerSecondPerNode: { readonly input: number; readonly output: number };
  /** Engine capacity per node at the SLO batch. */
  readonly capacityTokensPerSecondPerNode: { readonly input: number; readonly output: number };
  /** workload.utilization: the share of engine capacity an instance is sized to deliver. */
  readonly utilization: number;
  readonly minInstances: number;
  readonly parallelism: ResolvedLayout;
  readonly gpuSecondsPerDay: number;
  readonly batchPerInstance: number;
  readonly inputTokensPerRequest: number;
  readonly outputTokensPerRequest: number;
  readonly outputTokensPerSecondPerUser?: number;
  readonly ttftMs?: number;
  readonly tpotMs?: number;
}

/**
 * Aggregated fleet: one pool of identical instances, each doing prefill and decode in the same
 * steps (chunked prefill), in whole instances through the day. ENGINE: an instance completes
 * `batch` requests per closed-loop cycle at the SLO point (aggregatedOperatingPoint), plus the
 * cache-hit KV load per request as the prefill pool charges it. OPERATIONS: the same utilisation
 * and minimum instances as the disaggregated pools, so the two modes compare on equal terms.
 *  - each hour provisions ⌈max(input load ÷ input capacity, output load ÷ output capacity) ÷
 *    utilisation⌉ instances (the two agree when the request shape comes from the daily volumes);
 *  - the daily cost is split by GPU time per token: a cache-miss prompt token its prefill compute
 *    (1 / saturated prefill rate), a cache-hit token its KV load, an output token the rest of the
 *    cycle (decode steps), normalised so that the three × daily volumes add up to the daily cost.
 */
export function planAggregatedFleet(e: AggregatedEngine, w: FleetWorkload, ops: FleetOperationsInput): AggregatedFleetPlan {
  const { setup: s, point: p, shape } = e;
  const gpn = s.gpu.gpusPerNode.value;
  const gpus = s.layout.gpuCount;
  const nodesPerInstance = gpus / gpn;
  const inputPerS = w.inputTokensPerDay / SECONDS_PER_DAY;
  const outputPerS = w.outputTokensPerDay / SECONDS_PER_DAY;
  const capIn = shape.inputTokens * e.requestsPerSecond;
  const capOut = shape.outputTokens * e.requestsPerSecond;
  // size on requests/s: the binding one of the input and output loads, in mean requests
  const requestLoadPerS = Math.max(inputPerS / shape.inputTokens, outputPerS / shape.outputTokens);
  const pool = sizeWholeInstancePool({
    averageLoadPerS: requestLoadPerS,
    shape: w.hourlyShape,
    capacityPerInstancePerS: e.requestsPerSecond,
    utilization: ops.utilization,
    minInstances: ops.minInstances,
    nodesPerInstance,
  });
  const dailyCostUsd = poolDailyCostUsd(pool, gpn, ops.pricePerGpuHourUsd);
  let costs: CostPerMillionTokensUsd = { inputCacheHit: Number.POSITIVE_INFINITY, inputCacheMiss: Number.POSITIVE_INFINITY, output: Number.POSITIVE_INFINITY };
  const perReq = p.instanceSPerRequest;
  if (p.estimate && perReq !== undefined && Number.isFinite(perReq)) {
    const hitTokens = shape.inputTokens * shape.cacheHitRate;
    const kvLoadS = kvLoadSecondsPerHitToken(s);
    const pfS = (shape.inputTokens - hitTokens) / p.estimate.prefillTokensPerSecond;
    const outS = Math.max(0, perReq - hitTokens * kvLoadS - pfS);
    const [inputCacheHit = 0, inputCacheMiss = 0, output = 0] = splitDailyCost(dailyCostUsd, [
      { tokensPerDay: w.inputTokensPerDay * w.cacheHitRate, weight: kvLoadS },
      { tokensPerDay: w.inputTokensPerDay * (1 - w.cacheHitRate), weight: 1 / p.estimate.prefillTokensPerSecond },
      { tokensPerDay: w.outputTokensPerDay, weight: outS / shape.outputTokens },
    ]);
    costs = { inputCacheHit, inputCacheMiss, output };
  }
  const est = p.estimate;
  const perNode = (x: number) => (pool.averageNodes > 0 ? x / pool.averageNodes : 0);
  return {
    ...pool,
    feasible: p.feasible,
    reasons: p.reasons.map((r) => `aggregated: ${r}`),
    nodes: pool.averageNodes,
    hourlyNodes: pool.hourlyInstances.map((n) => n * nodesPerInstance),
    gpuHoursPerDay: pool.averageNodes * gpn * HOURS_PER_DAY,
    dailyCostUsd,
    costPerMillionTokensUsd: costs,
    tokensPerSecondPerNode: { input: perNode(inputPerS), output: perNode(outputPerS) },
    capacityTokensPerSecondPerNode: { input: capIn / nodesPerInstance, output: capOut / nodesPerInstance },
    utilization: ops.utilization,
    minInstances: ops.minInstances,
    parallelism: s.layout,
    gpuSecondsPerDay: pool.averageNodes * gpn * SECONDS_PER_DAY,
    batchPerInstance: p.batch,
    inputTokensPerRequest: shape.inputTokens,
    outputTokensPerRequest: shape.outputTokens,
    ...(est ? { outputTokensPerSecondPerUser: est.outputTokensPerSecondPerUser, tpotMs: convert(est.tpotS, 's', 'ms') } : {}),
    ...(p.ttftS !== undefined ? { ttftMs: convert(p.ttftS, 's', 'ms') } : {}),
  };
}
