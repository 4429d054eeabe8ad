import { BYTES_PER_ELEMENT, convert } from '../units/units.js';
import {
  denseZeroShards,
  expertZeroShards,
  gathersWeights,
  microBatchTokens,
  ZERO3_GATHER_BUFFER_LAYERS,
  ZERO_SHARDS_GRADIENTS,
  ZERO_SHARDS_OPTIMIZER_STATES,
  ZERO_SHARDS_WEIGHTS,
} from './layout-math.js';
import type { ModelProfile, LayerKindProfile } from './model-profile.js';
import { gradientBytes, optimizerStateBytesPerParam } from './optimizer-bytes.js';
import type { StageContent } from './stages.js';
import type { GradientPrecision, Layout, MemoryBreakdown, OptimizerStatePrecision, RecomputeMode, TrainingPrecision } from './types.js';

/**
 * Memory per GPU.
 *  - Weights BF16 (2 B), FP8 copies of FP8-GEMM weights (1 B) under an FP8 recipe,
 *    gradients accumulated in FP32 (4 B; BF16, 2 B, under gradientPrecision 'bf16'), FP32 master weights (4 B) and two Adam moments
 *    (4 B or 2 B each). ZeRO-1 shards master + moments over data parallelism, ZeRO-2 also
 *    gradients, ZeRO-3 also weights (plus a two-layer gather buffer). Routed experts are
 *    sharded by EP and their optimizer state over the expert-data-parallel group
 *    (tp·cp·dp / ep); expert-TP = 1.
 *  - Activations per micro-batch: Korthikanti et al. (2022) accounting adapted to
 *    FlashAttention (no s² term), MLA and MoE — see ActivationElements. Sequence
 *    parallelism shards them by tp, context parallelism by cp. Recompute: 'full' keeps the
 *    layer input only; 'selective' drops norm outputs, SwiGLU outputs and MLA Q/K/V
 *    (DeepSeek-V3 §3.3.4); 'selective-op' keeps the layer input, the outputs of every other
 *    linear and the attention output, in BF16 (torchtitan's op-level policy); 'none' keeps everything. Under FP8, linear-layer inputs and
 *    SwiGLU inputs are cached in FP8 and the attention output in a 12-bit format
 *    (V3 §3.3.4 E5M6 ≈ 1.5 B).
 *  - In flight: 1F1B holds pp − s micro-batches on stage s; interleaved × (1 + (pp−1)/(pp·v));
 *    DualPipe: each rank holds two stages (s and pp−1−s: 2× parameters) and pp + 1 micro-batches
 *    (V3 report, DualPipe table).
 *  - Transient: FP32 logits and their gradient of one micro-batch on the head stage, plus
 *    a fixed runtime reserve.
 */

/** CUDA context, NCCL and all-to-all buffers, allocator fragmentation. Assumed. */
export const RUNTIME_RESERVE_GB = 3;

/** Bits of the attention output cached under an FP8 recipe: a 12-bit format (DeepSeek-V3 §3.3.4, E5M6). */
export const ATTENTION_OUTPUT_FP8_BITS = 12;
const ATTENTION_OUTPUT_FP8_BYTES = convert(ATTENTION_OUTPUT_FP8_BITS, 'bit', 'B');

/** Parameters one GPU holds (tensor and expert parallelism applied, ZeRO not): counts, not bytes. */
export interface StaticParams {
  readonly denseParams: number;
  /** Parameters of FP8-eligible GEMMs among denseParams. */
  readonly denseFp8Params: number;
  readonly expertParams: number;
  /** Parameters of the largest layer (ZeRO-3's gather buffer holds ZERO3_GATHER_BUFFER_LAYERS of them). */
  readonly largestLayerParams: number;
}

/** Parameters of one stage before tensor and expert parallelism divide them. */
export interface RawStageParams {
  readonly denseParams: number;
  readonly denseFp8Params: number;
  /** All routed-expert parameters of the stage (EP divides them). */
  readonly expertParams: number;
}

export function rawStageParams(profile: ModelProfile, stage: StageContent): RawStageParams {
  let dense = 0,
    denseFp8 = 0,
    expert = 0;
  for (let i = 0; i < profile.kinds.length; i++) {
    const k = profile.kinds[i]!,
      n = stage.kindCounts[i] ?? 0;
    dense += n * k.denseParams;
    denseFp8 += n * k.denseFp8Params;
    expert += n * k.expertParams;
  }
  if (stage.hasEmbedding) dense += profile.embeddingParams;
  if (stage.hasHead) {
    dense += profile.headParams;
    const mk = profile.kinds[profile.mtpKind];
    if (mk && profile.mtpModules > 0) {
      const proj = profile.mtpProjection.k * profile.mtpProjection.n;
      const n = profile.mtpModules;
      dense += n * mk.denseParams;
      denseFp8 += n * mk.denseFp8Params;
      expert += n * mk.expertParams;
      dense += n * proj;
      denseFp8 += n * proj;
    }
  }
  return { denseParams: dense, denseFp8Params: denseFp8, expertParams: expert };
}

/** Parameters of the largest layer of any kind on one EP rank (ZeRO-3's gather buffer), before tensor parallelism. */
export function largestLayerParams(profile: ModelProfile, ep: number): number {
  let largest = 0;
  for (let i = 0; i < profile.kinds.length; i++) {
    const k = profile.kinds[i]!;
    largest = Math.max(largest, k.denseParams + k.expertParams / ep);
  }
  return largest;
}

/** Bytes per GPU of everything but activations and transient buffers (MemoryBreakdown's first four terms). */
export interface StaticMemory {
  readonly weightsBytes: number;
  readonly fp8WeightCopiesBytes: number;
  readonly gradientsBytes: number;
  readonly optimizerStatesBytes: number;
}

const B_BF16 = BYTES_PER_ELEMENT.bf16;
const B_FP8 = BYTES_PER_ELEMENT.fp8;

export function staticMemory(
  p: StaticParams,
  layout: Layout,
  precision: TrainingPrecision,
  optimizer: OptimizerStatePrecision,
  gradients: GradientPrecision,
): StaticMemory {
  const s = memoryShares(layout, precision, optimizer, gradients);
  return {
    weightsBytes: weightsBytes(p, s),
    fp8WeightCopiesBytes: fp8WeightCopiesBytes(p, s),
    gradientsBytes: gradientsBytes(p, s),
    optimizerStatesBytes: optimizerStatesBytes(p, s),
  };
}

/**
 * The total of staticMemory without building it, with the layout's shares already resolved (the
 * search resolves them once per group and ZeRO stage): the same terms, added in the same order as
 * sumMemory adds them.
 */
export function staticBytesWith(p: StaticParams, s: MemoryShares): number {
  return weightsBytes(p, s) + fp8WeightCopiesBytes(p, s) + gradientsBytes(p, s) + optimizerStatesBytes(p, s);
}

/** ZeRO-3's gather buffer, parameters. */
function gatherBufferParams(p: StaticParams, s: MemoryShares): number {
  return s.gathersWeights ? ZERO3_GATHER_BUFFER_LAYERS * p.largestLayerParams : 0;
}

function weightsBytes(p: StaticParams, s: MemoryShares): number {
  return B_BF16 * (p.denseParams / s.weightsDense + p.expertParams / s.weightsExpert + gatherBufferParams(p, s));
}

function fp8WeightCopiesBytes(p: StaticParams, s: MemoryShares): number {
  return s.fp8 ? B_FP8 * (p.denseFp8Params / s.weightsDense + p.expertParams / s.weightsExpert + gatherBufferParams(p, s)) : 0;
}

function gradientsBytes(p: StaticParams, s: MemoryShares): number {
  return s.gradientBytesPerParam * (p.denseParams / s.gradientsDense + p.expertParams / s.gradientsExpert);
}

function optimizerStatesBytes(p: StaticParams, s: MemoryShares): number {
  return s.optimizerStateBytesPerParam * (p.denseParams / s.optimizerDense + p.expertParams / s.optimizerExpert);
}

/** Activation bytes saved per token per layer of `kind`. */
export function activationBytesPerToken(kind: LayerKindProfile, h: number, precision: TrainingPrecision, recompute: RecomputeMode): number {
  const bf16 = BYTES_PER_ELEMENT.bf16;
  if (recompute === 'full') return h * bf16;
  if (recompute === 'selective-op') return kind.activations.opSelectiveKept * bf16;
  const fp8 = precision === 'fp8';
  const lin = fp8 ? BYTES_PER_ELEMENT.fp8 : bf16;
  const attnOut = fp8 ? ATTENTION_OUTPUT_FP8_BYTES : bf16;
  const a = kind.activations;
  let bytes = a.residual * bf16 + a.linearInputsKept * lin + a.swigluInputs * lin + a.attentionKept * attnOut;
  if (recompute === 'none') bytes += a.linearInputsRecomputable * lin + a.attentionRecomputable * bf16;
  return bytes;
}

/** Activation bytes per token of one micro-batch on a stage (before cp and tp shard the tokens). */
export function stageActivationBytesPerToken(profile: ModelProfile, stage: StageContent, precision: TrainingPrecision, recompute: RecomputeMode): number {
  let perToken = 0;
  for (let i = 0; i < profile.kinds.length; i++)
    perToken += (stage.kindCounts[i] ?? 0) * activationBytesPerToken(profile.kinds[i]!, profile.hidden, precision, recompute);
  if (stage.hasHead) {
    const mk = profile.kinds[profile.mtpKind];
    if (mk) perToken += profile.mtpModules * (activationBytesPerToken(mk, profile.hidden, precision, recompute) + 2 * profile.hidden * BYTES_PER_ELEMENT.bf16);
  }
  return perToken;
}

/** Tokens of one micro-batch whose activations one GPU holds (cp and tp shard them). */
export function activationTokens(profile: ModelProfile, layout: Layout): number {
  return microBatchTokens(profile.sequenceLength, layout) / layout.tp;
}

export function logitBytes(profile: ModelProfile, layout: Layout): number {
  const tokens = microBatchTokens(profile.sequenceLength, layout);
  return 2 * tokens * (profile.vocab / layout.tp) * BYTES_PER_ELEMENT.fp32;
}

/** Micro-batches whose activations stage s holds at peak. */
export function inFlight(layout: Layout, stage: number, microBatches: number): number {
  const pp = layout.pp;
  if (layout.schedule === 'dualpipe') return Math.min(microBatches, pp + 1);
  const base = Math.min(microBatches, pp - stage);
  if (layout.schedule === 'interleaved') return base * (1 + (pp - 1) / (pp * layout.virtualStages));
  return base;
}

const RESERVE_BYTES = convert(RUNTIME_RESERVE_GB, 'GB', 'B');

export function runtimeReserveBytes(): number {
  return RESERVE_BYTES;
}

/** What the static memory of one layout depends on besides the parameters: ZeRO sharding divisors and precisions. */
export interface MemoryShares {
  /** What ZeRO divides each state by (dense parameters, routed experts; 1: not sharded), from denseZeroShards / expertZeroShards. */
  readonly weightsDense: number;
  readonly weightsExpert: number;
  readonly gradientsDense: number;
  readonly gradientsExpert: number;
  readonly optimizerDense: number;
  readonly optimizerExpert: number;
  readonly gathersWeights: boolean;
  /** FP8 recipe: FP8 copies of the FP8-GEMM weights. */
  readonly fp8: boolean;
  /** Optimizer-state bytes per parameter (FP32 master weight + the Adam moments). */
  readonly optimizerStateBytesPerParam: number;
  /** Gradient-buffer bytes per parameter (FP32, or BF16 under gradientPrecision 'bf16'). */
  readonly gradientBytesPerParam: number;
}

export function memoryShares(layout: Layout, precision: TrainingPrecision, optimizer: OptimizerStatePrecision, gradients: GradientPrecision): MemoryShares {
  return {
    weightsDense: denseZeroShards(layout, ZERO_SHARDS_WEIGHTS),
    weightsExpert: expertZeroShards(layout, ZERO_SHARDS_WEIGHTS),
    gradientsDense: denseZeroShards(layout, ZERO_SHARDS_GRADIENTS),
    gradientsExpert: expertZeroShards(layout, ZERO_SHARDS_GRADIENTS),
    optimizerDense: denseZeroShards(layout, ZERO_SHARDS_OPTIMIZER_STATES),
    optimizerExpert: expertZeroShards(layout, ZERO_SHARDS_OPTIMIZER_STATES),
    gathersWeights: gathersWeights(layout),
    fp8: precision === 'fp8',
    optimizerStateBytesPerParam: optimizerStateBytesPerParam(optimizer),
    gradientBytesPerParam: gradientBytes(gradients),
  };
}

export function sumMemory(s: StaticMemory, activationBytes: number, transientBytes: number): MemoryBreakdown {
  const total = s.weightsBytes + s.fp8WeightCopiesBytes + s.gradientsBytes + s.optimizerStatesBytes + activationBytes + transientBytes;
  return {
    weights: s.weightsBytes,
    fp8WeightCopies: s.fp8WeightCopiesBytes,
    gradients: s.gradientsBytes,
    optimizerStates: s.optimizerStatesBytes,
    activations: activationBytes,
    transient: transientBytes,
    total,
  };
}
