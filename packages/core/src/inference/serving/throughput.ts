import type { KvCacheFormat, ServingPrecision, ThroughputRequest } from '@gcp/contract';
import { throughputCalibration } from '../../calibration-bands/lookup.js';
import type { CalibrationSummary } from '../../calibration-bands/types.js';
import { PlannerInputError } from '../../errors.js';
import type { Explanations } from '@gcp/contract';
import { explainThroughput } from '../../explain/throughput.js';
import { convert } from '../../units/units.js';
import { contextWithinModel, resolveGpu, resolveModel } from '../inputs.js';
import { tensorParallelLayout, type Layout } from './layout.js';
import { gpuMemory, memoryShortfallReason } from '../memory/memory.js';
import { kvBlockTokens } from '../memory/paged-kv.js';
import { assertLayoutAllowed } from './layout-rules.js';
import { kvBytesPerElement, type WeightFormat } from '../memory/precision.js';
import { aggregatedServing } from './serving.js';
import { makeSetup } from './setup.js';

/** The contract's POST /v1/inference/throughput body, validated. */
export type { ThroughputRequest };

/** KV-cache format when the request names none. */
const DEFAULT_KV_FORMAT: KvCacheFormat = 'bf16';
/** Share of prompt tokens from the prefix cache when the request gives none. */
const DEFAULT_PREFIX_CACHE_HIT_RATE = 0;

export interface ThroughputResult {
  readonly fits: boolean;
  readonly reasons: readonly string[];
  readonly computeFormat: string;
  readonly parallelism: Layout & { pp: number; redundantExperts: number };
  /** Sequences the instance sustains on a paged KV cache (time-averaged occupancy); queueing starts beyond it. */
  readonly maxConcurrency: number;
  /** Sequences that fit if each reserved its whole context (prompt + output). */
  readonly maxConcurrencyFullContext: number;
  readonly batch?: number;
  readonly memoryPerGpuBytes: {
    readonly weights: number;
    readonly kvCache: number;
    readonly workspace: number;
    readonly total: number;
    readonly capacity: number;
  };
  readonly outputTokensPerSecondPerGpu?: number;
  readonly outputTokensPerSecondPerUser?: number;
  readonly ttftMs?: number;
  readonly tpotMs?: number;
  readonly queueWaitMs?: number;
  readonly decodeStep?: { readonly memoryMs: number; readonly computeMs: number; readonly commMs: number; readonly overheadMs: number };
  /** 80% prediction intervals on ttftMs, tpotMs and outputTokensPerSecondPerGpu from held-out residuals (calibration-bands/). */
  readonly calibration?: CalibrationSummary;
  /** Formula and values of TTFT, TPOT and the throughputs (absent when the model does not fit). */
  readonly explanations?: Explanations;
}

/** A request's precision with the KV-cache default filled in. */
export function servingPrecision(p: ServingPrecision): { weights: WeightFormat; kvCache: KvCacheFormat } {
  return { weights: p.weights, kvCache: p.kvCache ?? DEFAULT_KV_FORMAT };
}

/** One aggregated serving instance under a closed-loop load of `concurrency` requests. */
export function estimateThroughput(r: ThroughputRequest): ThroughputResult {
  const arch = resolveModel(r.model);
  const gpu = resolveGpu(r.gpu);
  const { gpuCount, concurrency } = r;
  const prec = servingPrecision(r.precision);
  const isl = r.inputTokens;
  const osl = r.outputTokens;
  contextWithinModel(arch, isl + osl, 'inputTokens');
  const hit = r.prefixCacheHitRate ?? DEFAULT_PREFIX_CACHE_HIT_RATE;
  const layout: Layout = r.parallelism ?? tensorParallelLayout(gpuCount);
  const backend = r.backend;
  const s = makeSetup({ arch, gpu, layout, weights: prec.weights, kvBytesPerElement: kvBytesPerElement(prec.kvCache), ...(backend ? { backend } : {}) });
  assertLayoutAllowed(s.layout, arch, gpu, 'parallelism');
  if (s.layout.gpuCount !== gpuCount) throw PlannerInputError.at('parallelism', 'does not span gpuCount GPUs (attentionTp × attentionDp × pp)');
  const ctx = isl + osl;
  const perRank = Math.ceil(concurrency / s.layout.attentionDp);
  const mem = gpuMemory({
    shape: s.shape,
    gpu,
    layout: s.layout,
    weights: prec.weights,
    kvBytesPerElement: s.kvBytesPerElement,
    contextTokens: ctx,
    outputTokens: osl,
    kvBlockTokens: kvBlockTokens(backend),
    maxTokensPerStep: Math.max(s.prefillChunkTokens, isl),
  });
  const reasons: string[] = [];
  if (mem.maxConcurrency < 1) {
    reasons.push(memoryShortfallReason(mem, ctx));
  } else if (concurrency > mem.maxConcurrency) {
    reasons.push(
      `${concurrency} sequences of ${isl} + ${osl} tokens need more KV cache than fits (paged KV sustains ${mem.maxConcurrency}, ${mem.maxConcurrencyFullContext} at full context); the rest queue`,
    );
  }
  const kvUsed = Math.min(perRank, Math.floor(mem.maxConcurrency / s.layout.attentionDp)) * mem.kvBytesPerSequenceMean;
  const memoryPerGpuBytes = {
    weights: mem.weightsBytes,
    kvCache: kvUsed,
    workspace: mem.workspaceBytes,
    total: mem.weightsBytes + kvUsed + mem.workspaceBytes,
    capacity: mem.capacityBytes,
  };
  const base = {
    computeFormat: s.compute,
    parallelism: {
      attentionTp: s.layout.attentionTp,
      attentionDp: s.layout.attentionDp,
      moeTp: s.layout.moeTp,
      moeEp: s.layout.moeEp,
      pp: s.layout.pp,
      redundantExperts: s.layout.redundantExperts,
    },
    maxConcurrency: mem.maxConcurrency,
    maxConcurrencyFullContext: mem.maxConcurrencyFullContext,
    memoryPerGpuBytes,
  };
  if (mem.maxConcurrency < 1) return { fits: false, reasons, ...base };
  const est = aggregatedServing(s, { concurrency, inputTokens: isl, outputTokens: osl, prefixCacheHitRate: hit, maxBatch: mem.maxConcurrency });
  const ms = (v: number) => convert(v, 's', 'ms');
  const headline = { ttftMs: ms(est.ttftS), tpotMs: ms(est.tpotS), outputTokensPerSecondPerGpu: est.outputTokensPerSecondPerGpu };
  return {
    fits: reasons.length === 0,
    reasons,
    ...base,
    batch: est.batch,
    outputTokensPerSecondPerGpu: est.outputTokensPerSecondPerGpu,
    outputTokensPerSecondPerUser: est.outputTokensPerSecondPerUser,
    ttftMs: ms(est.ttftS),
    tpotMs: ms(est.tpotS),
    queueWaitMs: ms(est.slotWaitS),
    decodeStep: {
      memoryMs: ms(est.decode.pass.memoryS),
      computeMs: ms(est.decode.pass.computeS),
      commMs: ms(est.decode.pass.exposedCommS),
      overheadMs: ms(est.decode.pass.overheadS),
    },
    calibration: throughputCalibration(gpu, arch, backend, headline),
    explanations: explainThroughput({
      terms: est.terms,
      batch: est.batch,
      outputTokens: osl,
      gpuCount: s.layout.gpuCount,
      slotWaitS: est.slotWaitS,
      ...headline,
      outputTokensPerSecondPerUser: est.outputTokensPerSecondPerUser,
    }),
  };
}
