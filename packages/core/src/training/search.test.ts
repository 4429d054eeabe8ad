import { describe, expect, it } from 'vitest';
import { getGpu } from '../gpus/catalog.js';
import { getModel } from '../models/catalog.js';
import { createContext, stagesFor, type PlanContext } from './context.js';
import { resolveEfficiency } from './efficiency.js';
import { boundTerms, epBoundTerms, lowerBoundSeconds } from './evaluate/bounds.js';
import { activationsByRank, memoryCheckAt, paramsByRank, worstMemory, type WorstMemory } from './evaluate/rank-memory.js';
import { microBatchesPerStep } from './layout-math.js';
import type { Layout } from './types.js';
import { searchLayouts, type SearchOutcome } from './search/branch-and-bound.js';
import type { LayoutConstraints } from './search/space.js';
import type { OptimizerStatePrecision, TrainingPrecision } from './types.js';

/**
 * Branch and bound must not change what the search returns: the pruned search (cheap bound,
 * tighter per-group bound, memory pre-checks, reused timings) and an unpruned pass that times
 * every group of the same enumeration must keep the same layouts with the same numbers.
 */
interface Case {
  readonly name: string;
  readonly model: string;
  readonly gpu: string;
  readonly gpuCount: number;
  readonly sequenceLength: number;
  readonly globalBatchSequences: number;
  readonly precision: TrainingPrecision;
  readonly optimizer?: OptimizerStatePrecision;
  readonly keep?: number;
  /** Pinned fields (the rest searched). */
  readonly fixed?: LayoutConstraints;
}

const CASES: readonly Case[] = [
  {
    name: 'DeepSeek-V3, 2,048 H800, FP8',
    model: 'deepseek-v3',
    gpu: 'h800',
    gpuCount: 2048,
    sequenceLength: 4096,
    globalBatchSequences: 15360,
    precision: 'fp8',
    optimizer: 'bf16',
  },
  {
    name: 'DeepSeek-V3, 2,048 H800, BF16, 11 kept',
    model: 'deepseek-v3',
    gpu: 'h800',
    gpuCount: 2048,
    sequenceLength: 4096,
    globalBatchSequences: 15360,
    precision: 'bf16',
    optimizer: 'bf16',
    keep: 11,
  },
  {
    name: 'Llama 3.1 405B, 16,384 H100',
    model: 'llama-3.1-405b',
    gpu: 'h100',
    gpuCount: 16384,
    sequenceLength: 8192,
    globalBatchSequences: 2048,
    precision: 'bf16',
  },
  { name: 'Mixtral 8x7B, 64 H100', model: 'mixtral-8x7b', gpu: 'h100', gpuCount: 64, sequenceLength: 4096, globalBatchSequences: 1024, precision: 'bf16' },
  { name: 'Llama 3.1 8B, 8 A100', model: 'llama-3.1-8b', gpu: 'a100', gpuCount: 8, sequenceLength: 4096, globalBatchSequences: 1024, precision: 'bf16' },
  {
    name: 'Llama 3.1 405B, 8 H100 (nothing fits)',
    model: 'llama-3.1-405b',
    gpu: 'h100',
    gpuCount: 8,
    sequenceLength: 4096,
    globalBatchSequences: 1024,
    precision: 'bf16',
  },
  {
    name: 'Llama 3.1 405B, 16,384 H100, 128K context (cp searched)',
    model: 'llama-3.1-405b',
    gpu: 'h100',
    gpuCount: 16384,
    sequenceLength: 131072,
    globalBatchSequences: 128,
    precision: 'bf16',
  },
  {
    name: 'DeepSeek-V3, 2,048 H800, pp 16 and DualPipe pinned',
    model: 'deepseek-v3',
    gpu: 'h800',
    gpuCount: 2048,
    sequenceLength: 4096,
    globalBatchSequences: 15360,
    precision: 'fp8',
    optimizer: 'bf16',
    fixed: { pp: 16, schedule: 'dualpipe' },
  },
  {
    name: 'DeepSeek-V3, 2,048 H800, EP 3 pinned (rejected)',
    model: 'deepseek-v3',
    gpu: 'h800',
    gpuCount: 2048,
    sequenceLength: 4096,
    globalBatchSequences: 15360,
    precision: 'fp8',
    optimizer: 'bf16',
    fixed: { ep: 3 },
  },
  {
    name: 'Mixtral 8x7B, 64 H100, tp 8 and micro-batch 2 pinned',
    model: 'mixtral-8x7b',
    gpu: 'h100',
    gpuCount: 64,
    sequenceLength: 4096,
    globalBatchSequences: 1024,
    precision: 'bf16',
    fixed: { tp: 8, microBatchSize: 2 },
  },
];

function contextFor(c: Case): PlanContext {
  const gpu = getGpu(c.gpu)!;
  return createContext({
    arch: getModel(c.model)!.architecture,
    gpu,
    gpuCount: c.gpuCount,
    sequenceLength: c.sequenceLength,
    globalBatchSequences: c.globalBatchSequences,
    precision: c.precision,
    optimizer: c.optimizer ?? 'fp32',
    eff: resolveEfficiency(gpu),
  });
}

/**
 * What a caller sees of a search, without the pruning statistics: the memory rejections count
 * only the layouts whose memory was checked, so they depend on the pruning; the structural
 * ones do not (the pruned search counts them per schedule group and multiplies out, the
 * unpruned one visits every layout).
 */
function result(o: SearchOutcome) {
  const { 'does not fit in HBM': _memory, ...structural } = o.rejected;
  return {
    ranked: o.ranked.map((e) => ({ layout: e.layout, step: e.stepTimeSeconds, memory: e.memoryPerGpuBytes, time: e.timeBreakdown, bottleneck: e.bottleneck })),
    closest: o.closestNonFitting && { layout: o.closestNonFitting.layout, step: o.closestNonFitting.stepTimeSeconds, reasons: o.closestNonFitting.reasons },
    considered: o.layoutsConsidered,
    structural,
  };
}

describe('pruned layout search = unpruned search', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const keep = c.keep ?? 6;
      const fixed = c.fixed ?? {};
      const pruned = searchLayouts(contextFor(c), fixed, keep);
      const full = searchLayouts(contextFor(c), fixed, keep, { prune: false });
      expect(result(pruned)).toEqual(result(full));
      expect(pruned.layoutsTimed).toBeLessThanOrEqual(full.layoutsTimed);
      if (pruned.ranked.length > 0) expect(pruned.layoutsPruned).toBeGreaterThan(0);
    });
  }
});

describe('memory checks without a breakdown', () => {
  it('worstMemory totals equal the breakdown totals, bit for bit', () => {
    const ctx = contextFor(CASES[0]!);
    const zeroStages = [0, 1, 2, 3] as const,
      recomputeModes = ['none', 'selective', 'full'] as const;
    let checked = 0;
    for (const base of [
      { tp: 1, cp: 1, pp: 16, dp: 128, ep: 64, microBatchSize: 1, schedule: 'dualpipe', virtualStages: 1 },
      { tp: 2, cp: 1, pp: 8, dp: 128, ep: 32, microBatchSize: 2, schedule: 'interleaved', virtualStages: 2 },
      { tp: 8, cp: 1, pp: 4, dp: 64, ep: 8, microBatchSize: 1, schedule: '1f1b', virtualStages: 1 },
    ] as const) {
      const stages = stagesFor(ctx, base.pp)!;
      for (const zero of zeroStages)
        for (const recompute of recomputeModes) {
          const layout = { ...base, zero, recompute };
          const m = microBatchesPerStep(ctx.globalBatchSequences, layout);
          const params = paramsByRank(ctx, layout, stages),
            acts = activationsByRank(ctx, layout, stages, m);
          const w: WorstMemory = { totalBytes: 0, rank: 0 };
          const fits = worstMemory(ctx, layout, params, acts, w);
          const check = memoryCheckAt(ctx, layout, params, acts, w.rank);
          expect(w.totalBytes).toBe(check.worst.total);
          expect(fits).toBe(check.fits);
          for (let r = 0; r < base.pp; r++) expect(memoryCheckAt(ctx, layout, params, acts, r).worst.total).toBeLessThanOrEqual(w.totalBytes);
          checked++;
        }
    }
    expect(checked).toBe(36);
  });
});

describe('EP-aware cheap bound', () => {
  // the pruned search queues groups with epBoundTerms and resolves the exact terms at the front of
  // the queue: every term must be at most the exact one, or the search could pop groups out of order
  for (const c of [CASES[0]!, CASES[1]!, CASES[3]!]) {
    it(`epBoundTerms ≤ boundTerms, term by term: ${c.name}`, () => {
      const ctx = contextFor(c);
      const experts = getModel(c.model)!.architecture.moe!.numRoutedExperts;
      let checked = 0,
        tight = 0;
      for (const tp of [1, 2, 4, 8])
        for (const mbs of [1, 2, 4])
          for (const pp of [1, 2, 8]) {
            const dp = c.gpuCount / (tp * pp);
            for (let ep = 1; ep <= Math.min(experts, tp * dp); ep *= 2) {
              if (experts % ep !== 0 || (tp * dp) % ep !== 0) continue;
              const layout: Layout = {
                tp,
                cp: 1,
                pp,
                dp,
                ep,
                zero: 1,
                microBatchSize: mbs,
                schedule: pp > 1 ? 'dualpipe' : '1f1b',
                virtualStages: 1,
                recompute: 'none',
              };
              const cheap = epBoundTerms(ctx, layout),
                exact = boundTerms(ctx, layout);
              expect(cheap.computeS).toBeLessThan(exact.computeS);
              expect(cheap.serialCommS).toBeLessThanOrEqual(exact.serialCommS);
              expect(cheap.epCommS).toBeLessThanOrEqual(exact.epCommS);
              expect(cheap.ppSendS).toBeLessThanOrEqual(exact.ppSendS);
              const lb = lowerBoundSeconds(ctx, layout, cheap),
                exactLb = lowerBoundSeconds(ctx, layout, exact);
              expect(lb).toBeLessThanOrEqual(exactLb);
              // and close to it: only the MTP projection is left out
              if (lb > 0.99 * exactLb) tight++;
              checked++;
            }
          }
      expect(checked).toBeGreaterThan(50);
      expect(tight).toBe(checked);
    });
  }
});

describe('equal pipeline stages share one object', () => {
  it('buildStages reuses an equal neighbour, and only an equal one', () => {
    const ctx = contextFor(CASES[0]!);
    const stages = stagesFor(ctx, 16)!;
    expect(new Set(stages).size).toBeLessThan(stages.length);
    for (let i = 1; i < stages.length; i++) {
      const a = stages[i - 1]!,
        b = stages[i]!;
      const equal =
        a.layers === b.layers && a.hasHead === b.hasHead && a.hasEmbedding === b.hasEmbedding && a.kindCounts.every((n, k) => n === b.kindCounts[k]);
      expect(a === b).toBe(equal);
    }
    expect(stages.reduce((n, s) => n + s.layers, 0)).toBe(61);
  });
});

describe('a step-time limit', () => {
  for (const c of CASES.filter((k) => !k.name.includes('nothing fits') && !k.name.includes('rejected'))) {
    it(`keeps the same fastest layout when it beats the limit, and none when it does not: ${c.name}`, () => {
      const fixed = c.fixed ?? {};
      const best = searchLayouts(contextFor(c), fixed, 1).ranked[0]!;
      const beaten = searchLayouts(contextFor(c), fixed, 1, { limitSeconds: best.stepTimeSeconds * (1 + 1e-9) });
      expect(beaten.ranked.map((e) => e.layout)).toEqual([best.layout]);
      expect(beaten.ranked[0]!.stepTimeSeconds).toBe(best.stepTimeSeconds);
      const notBeaten = searchLayouts(contextFor(c), fixed, 1, { limitSeconds: best.stepTimeSeconds });
      expect(notBeaten.ranked).toEqual([]);
      expect(notBeaten.layoutsTimed).toBeLessThanOrEqual(beaten.layoutsTimed);
    });
  }
});
