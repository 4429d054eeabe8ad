import type { GpuSpec } from '../../gpus/types.js';
import type { ModelArchitecture } from '../../models/types.js';
import { INFERENCE_EFFICIENCY, type InferenceEfficiency } from '../step/efficiency.js';
import { resolveLayout, type Layout, type ResolvedLayout } from './layout.js';
import { computeFormatFor, type ComputeFormat, type WeightFormat } from '../memory/precision.js';
import { modelShape, type ModelShape } from '../memory/shape.js';

/** MTP / speculative decoding: `draftTokens` extra tokens per step, each accepted with `acceptance` (chained). */
export interface SpeculativeDecoding {
  readonly draftTokens: number;
  readonly acceptance: number;
}

/** Everything that fixes the cost of one forward pass of one serving instance. */
export interface ServingSetup {
  readonly shape: ModelShape;
  readonly gpu: GpuSpec;
  readonly layout: ResolvedLayout;
  readonly weights: WeightFormat;
  readonly compute: ComputeFormat;
  readonly kvBytesPerElement: number;
  /** Serving engine name for per-step overhead (trtllm, sglang, vllm, ...). */
  readonly backend: string | undefined;
  /** DeepSeek's two-micro-batch overlap of communication with compute. */
  readonly twoBatchOverlap: boolean;
  /** Load on the busiest EP rank ÷ mean load (1 = perfectly balanced routing). */
  readonly expertSkew: number;
  readonly speculative: SpeculativeDecoding | null;
  /** Tokens per prefill forward pass (chunked prefill / max_num_batched_tokens). */
  readonly prefillChunkTokens: number;
  readonly eff: InferenceEfficiency;
}

export interface SetupInput {
  readonly arch: ModelArchitecture;
  readonly gpu: GpuSpec;
  readonly layout: Layout;
  readonly weights: WeightFormat;
  readonly kvBytesPerElement: number;
  readonly backend?: string;
  readonly twoBatchOverlap?: boolean;
  readonly expertSkew?: number;
  readonly speculative?: SpeculativeDecoding | null;
  readonly prefillChunkTokens?: number;
  readonly eff?: InferenceEfficiency;
}

/**
 * Tokens per chunked-prefill forward pass when a setup names none: SGLang's `--chunked-prefill-size`
 * and vLLM's `max_num_batched_tokens` default to 8192 on data-centre GPUs; the measured rows are
 * predicted (and the engine fitted) at this chunk or the whole prompt when longer.
 */
export const DEFAULT_PREFILL_CHUNK_TOKENS = 8192;

export function makeSetup(i: SetupInput): ServingSetup {
  return {
    shape: modelShape(i.arch),
    gpu: i.gpu,
    layout: resolveLayout(i.layout, i.arch),
    weights: i.weights,
    compute: computeFormatFor(i.weights, i.gpu),
    kvBytesPerElement: i.kvBytesPerElement,
    backend: i.backend,
    twoBatchOverlap: i.twoBatchOverlap ?? false,
    expertSkew: i.expertSkew ?? 1,
    speculative: i.speculative ?? null,
    prefillChunkTokens: i.prefillChunkTokens ?? DEFAULT_PREFILL_CHUNK_TOKENS,
    eff: i.eff ?? INFERENCE_EFFICIENCY,
  };
}

/** Expected tokens a sequence emits per decode step: 1 + a + a² + … over the draft tokens. */
export function tokensPerStep(spec: SpeculativeDecoding | null): number {
  if (!spec) return 1;
  let sum = 1,
    p = 1;
  for (let i = 0; i < spec.draftTokens; i++) {
    p *= spec.acceptance;
    sum += p;
  }
  return sum;
}
