import { convert } from '../../units/units.js';
import { kvLoadSecondsPerHitToken, type FleetSlo } from '../fleet/fleet.js';
import type { ResolvedLayout } from './layout.js';
import { kvBlockTokens } from '../memory/paged-kv.js';
import { gpuMemory, memoryShortfallReason, type GpuMemory } from '../memory/memory.js';
import { aggregatedServing, prefillCost, type PrefillCost, type ServingEstimate } from './serving.js';
import type { ServingSetup } from './setup.js';
import { MAX_BATCH_PER_RANK_SEARCHED } from '../step/operating-point.js';
import { PARETO_MAX_BATCH_PER_RANK } from './pareto.js';

/** The mean request an aggregated instance serves (closed loop). */
export interface AggregatedRequestShape {
  /** Prompt tokens per request, cache hits included. */
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Fraction of prompt tokens served from the prefix cache. */
  readonly cacheHitRate: number;
}

/** The batch one aggregated instance runs and what it costs per request. */
export interface AggregatedPoint {
  readonly feasible: boolean;
  readonly reasons: readonly string[];
  /** Sequences on the whole instance (0 when nothing fits). */
  readonly batch: number;
  readonly memory: GpuMemory;
  readonly estimate?: ServingEstimate;
  /** TTFT incl. the cache-hit KV load, seconds. */
  readonly ttftS?: number;
  /** Instance-seconds per request: the closed-loop cycle ÷ batch + the cache-hit KV load. */
  readonly instanceSPerRequest?: number;
  /** How far the closest batch misses the SLO (≥ 1 = by that factor; 0 when it fits and meets it). */
  readonly shortfall: number;
}

/**
 * Memory of an aggregated instance: paged KV, each sequence holding its prompt plus the tokens
 * generated so far (block-rounded; `maxConcurrency` from the time average, paged-kv.ts), one
 * prefill chunk of activations.
 */
export function aggregatedMemory(s: ServingSetup, shape: AggregatedRequestShape): GpuMemory {
  return gpuMemory({
    shape: s.shape,
    gpu: s.gpu,
    layout: s.layout,
    weights: s.weights,
    kvBytesPerElement: s.kvBytesPerElement,
    contextTokens: shape.inputTokens + shape.outputTokens,
    outputTokens: shape.outputTokens,
    kvBlockTokens: kvBlockTokens(s.backend),
    maxTokensPerStep: s.prefillChunkTokens,
    withMtp: s.speculative !== null,
  });
}

interface Evaluation {
  readonly est: ServingEstimate;
  readonly ttftS: number;
  readonly instanceSPerRequest: number;
}

/** Per (setup, request shape): memory, the batch-independent prefill cost and every batch evaluated so far. */
interface Evaluator {
  readonly mem: GpuMemory;
  /** Sequences per attention-DP rank that fit. */
  readonly fitPerRank: number;
  at(perRank: number): Evaluation;
}

const evaluators = new WeakMap<ServingSetup, Map<AggregatedRequestShape, Evaluator>>();

/** Shared by the operating-point search and the Pareto sweep of one plan (same setup and shape objects). */
function evaluator(s: ServingSetup, shape: AggregatedRequestShape): Evaluator {
  let byShape = evaluators.get(s);
  if (!byShape) {
    byShape = new Map();
    evaluators.set(s, byShape);
  }
  const hit = byShape.get(shape);
  if (hit) return hit;
  const mem = aggregatedMemory(s, shape);
  const dp = s.layout.attentionDp;
  let pf: PrefillCost | undefined;
  let kvLoadS = 0;
  const cache = new Map<number, Evaluation>();
  const ev: Evaluator = {
    mem,
    fitPerRank: Math.floor(mem.maxConcurrency / dp),
    at(perRank) {
      const c = cache.get(perRank);
      if (c) return c;
      if (!pf) {
        pf = prefillCost(s, { inputTokens: shape.inputTokens, prefixCacheHitRate: shape.cacheHitRate });
        kvLoadS = kvLoadSecondsPerHitToken(s);
      }
      const e = evaluate(s, shape, perRank * dp, kvLoadS, pf);
      cache.set(perRank, e);
      return e;
    },
  };
  byShape.set(shape, ev);
  return ev;
}

function evaluate(s: ServingSetup, shape: AggregatedRequestShape, batch: number, kvLoadS: number, pf: PrefillCost): Evaluation {
  const est = aggregatedServing(
    s,
    { concurrency: batch, inputTokens: shape.inputTokens, outputTokens: shape.outputTokens, prefixCacheHitRate: shape.cacheHitRate },
    pf,
  );
  const hitTokens = shape.inputTokens * shape.cacheHitRate;
  // serviceS = the closed-loop cycle of one request (no slot wait: concurrency = batch)
  const serviceS = est.requestLatencyS;
  return {
    est,
    ttftS: est.ttftS + hitTokens * kvLoadS * s.layout.attentionDp,
    instanceSPerRequest: serviceS / est.batch + hitTokens * kvLoadS,
  };
}

/**
 * Aggregated operating point: the largest batch the paged KV sustains (prompt + output/2 per sequence) and
 * meets the SLO on `aggregatedServing`'s closed loop — per-user speed 1/TPOT with the other
 * members' prefills interleaved (prefill interference), and TTFT (own prefill + queue share +
 * cache-hit KV load). Both degrade monotonically with the batch, so doubling the batch per
 * attention-DP rank brackets it (the Pareto sweep's points, shared) and a binary search inside
 * the bracket finds it.
 */
export function aggregatedOperatingPoint(
  s: ServingSetup,
  shape: AggregatedRequestShape,
  slo: FleetSlo,
  maxBatchPerRank = MAX_BATCH_PER_RANK_SEARCHED,
): AggregatedPoint {
  const dp = s.layout.attentionDp;
  const ev = evaluator(s, shape);
  const mem = ev.mem;
  const fitPerRank = Math.min(maxBatchPerRank, ev.fitPerRank);
  const ctx = Math.round(shape.inputTokens + shape.outputTokens);
  if (fitPerRank < 1) {
    const reason = memoryShortfallReason(mem, ctx);
    return { feasible: false, reasons: [reason], batch: 0, memory: mem, shortfall: Number.POSITIVE_INFINITY };
  }
  const minSpeed = slo.minOutputTokensPerSecondPerUser;
  const maxTtftS = slo.maxTtftMs === undefined ? undefined : convert(slo.maxTtftMs, 'ms', 's');
  const miss = (e: ReturnType<typeof evaluate>) =>
    Math.max(minSpeed === undefined ? 0 : minSpeed / e.est.outputTokensPerSecondPerUser, maxTtftS === undefined ? 0 : e.ttftS / maxTtftS);
  const one = ev.at(1);
  if (miss(one) > 1) {
    const reasons: string[] = [];
    if (minSpeed !== undefined && one.est.outputTokensPerSecondPerUser < minSpeed) {
      reasons.push(
        `even one sequence per attention-DP rank runs at ${one.est.outputTokensPerSecondPerUser.toFixed(1)} tokens/s per user including prefill interference, below the ${minSpeed} required (slo.minOutputTokensPerSecondPerUser)`,
      );
    }
    if (maxTtftS !== undefined && one.ttftS > maxTtftS) {
      reasons.push(
        `TTFT at one sequence per attention-DP rank is ${convert(one.ttftS, 's', 'ms').toFixed(0)} ms, over the ${slo.maxTtftMs} ms limit (slo.maxTtftMs)`,
      );
    }
    return {
      feasible: false,
      reasons,
      batch: dp,
      memory: mem,
      estimate: one.est,
      ttftS: one.ttftS,
      instanceSPerRequest: one.instanceSPerRequest,
      shortfall: miss(one),
    };
  }
  let lo = 1;
  while (lo * 2 <= fitPerRank && miss(ev.at(lo * 2)) <= 1) lo *= 2;
  let hi = Math.min(fitPerRank, lo * 2 - 1);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (miss(ev.at(mid)) <= 1) lo = mid;
    else hi = mid - 1;
  }
  const best = ev.at(lo);
  return {
    feasible: true,
    reasons: [],
    batch: lo * dp,
    memory: mem,
    estimate: best.est,
    ttftS: best.ttftS,
    instanceSPerRequest: best.instanceSPerRequest,
    shortfall: 0,
  };
}

/** Output tokens/s per GPU of an aggregated point (its request cycle, cache-hit KV loads included). */
export function aggregatedOutputPerGpu(s: ServingSetup, shape: AggregatedRequestShape, p: AggregatedPoint): number {
  return p.instanceSPerRequest ? shape.outputTokens / p.instanceSPerRequest / s.layout.gpuCount : 0;
}

export interface AggregatedParetoPoint {
  readonly parallelism: ResolvedLayout;
  readonly batch: number;
  /** 1 / TPOT with prefill interference. */
  readonly outputTokensPerSecondPerUser: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly ttftMs: number;
}

/**
 * Aggregated Pareto frontier (tokens/s per GPU against tokens/s per user, prefill interference
 * included): every layout × batch per attention-DP rank in powers of two up to what fits; points
 * another point beats on both axes are dropped. Sorted by per-user speed, descending.
 */
export function aggregatedPareto(setups: readonly ServingSetup[], shape: AggregatedRequestShape): AggregatedParetoPoint[] {
  const pts: AggregatedParetoPoint[] = [];
  for (const s of setups) {
    const ev = evaluator(s, shape);
    for (let b = 1; b <= Math.min(ev.fitPerRank, PARETO_MAX_BATCH_PER_RANK); b *= 2) {
      const e = ev.at(b);
      pts.push({
        parallelism: s.layout,
        batch: e.est.batch,
        outputTokensPerSecondPerUser: e.est.outputTokensPerSecondPerUser,
        outputTokensPerSecondPerGpu: shape.outputTokens / e.instanceSPerRequest / s.layout.gpuCount,
        ttftMs: convert(e.ttftS, 's', 'ms'),
      });
    }
  }
  pts.sort((a, b) => b.outputTokensPerSecondPerUser - a.outputTokensPerSecondPerUser || b.outputTokensPerSecondPerGpu - a.outputTokensPerSecondPerGpu);
  const front: AggregatedParetoPoint[] = [];
  let best = -Infinity;
  for (const p of pts) {
    if (p.outputTokensPerSecondPerGpu > best) {
      front.push(p);
      best = p.outputTokensPerSecondPerGpu;
    }
  }
  return front;
}
