import { convert } from '../../units/units.js';
import { BYTES_PER_ELEMENT } from '../../units/units.js';
import type { GpuSpec } from '../../gpus/types.js';
import type { ResolvedLayout } from '../serving/layout.js';
import { layerKeys, type ModelShape } from './shape.js';
import { weightBytesPerElement, type WeightFormat } from './precision.js';
import { pagedKvTokensPerSequence } from './paged-kv.js';
import { SWIGLU_MATRICES } from '../../accounting/params.js';

/**
 * Memory of one GPU of a serving instance (the busiest one: first/last pipeline stage, a full
 * share of expert slots). All sizes in bytes.
 */
export interface GpuMemory {
  readonly weightsBytes: number;
  readonly kvBytesPerToken: number;
  /** KV of one sequence at its whole context (block-rounded), bytes. */
  readonly kvBytesPerSequence: number;
  /** KV of one sequence averaged over its life (prompt + tokens generated so far, block-rounded), bytes. */
  readonly kvBytesPerSequenceMean: number;
  readonly workspaceBytes: number;
  readonly capacityBytes: number;
  /** Bytes left for KV after weights and workspace (may be negative). */
  readonly freeForKvBytes: number;
  /**
   * Sequences the instance sustains with a paged KV cache: free KV ÷ the time-averaged KV of one
   * sequence (staggered sequences hold prompt + output/2 on average), per attention-DP rank. 0
   * when not even one sequence fits at its whole context (it could never finish).
   */
  readonly maxConcurrency: number;
  /** Sequences that fit if each held its whole context (prompt + output) from admission. */
  readonly maxConcurrencyFullContext: number;
}

/**
 * Planner conventions for memory (not fitted): engines reserve part of HBM for the CUDA context,
 * CUDA graphs, NCCL buffers and fragmentation (vLLM's default gpu_memory_utilization is 0.9,
 * SGLang's mem_fraction_static ~0.8-0.9); activations of one forward pass are sized from the
 * largest step (`maxTokensPerStep` tokens).
 */
export const MEMORY_RESERVE_FRACTION = 0.08;

/** Hidden-width activations live at once in a forward pass (residual, norm output, Q/K/V-sized and attention-output buffers). */
export const HIDDEN_ACTIVATIONS_PER_TOKEN = 6;
/** FFN-inner-width activations live at once (gate output, up output, their SwiGLU product). */
export const FFN_ACTIVATIONS_PER_TOKEN = 3;
/** Tokens whose FP32 logits are materialised at once (engines compute logits only for sampled positions, in chunks). */
export const LOGITS_CHUNK_TOKENS = 256;

/** Expert slots (routed experts + redundant replicas) one EP rank holds. */
export function expertSlotsPerGpu(shape: ModelShape, layout: ResolvedLayout): number {
  if (shape.numExperts === 0) return 0;
  return Math.ceil((shape.numExperts + layout.redundantExperts) / layout.moeEp);
}

/** Weight bytes on one GPU: attention, dense FFN and shared experts split by attention TP (replicated per attention-DP rank), experts by EP and MoE TP, layers by PP. */
export function weightBytesPerGpu(shape: ModelShape, layout: ResolvedLayout, format: WeightFormat, withMtp = false): number {
  const wb = weightBytesPerElement(format);
  const embB = BYTES_PER_ELEMENT.bf16; // embeddings and LM head stay BF16 in every published quantised checkpoint
  const slots = expertSlotsPerGpu(shape, layout);
  let perStage = 0;
  for (const g of shape.groups) {
    let layer = (shape.attnParams / layout.attentionTp) * wb;
    if (g.ffn === 'dense') layer += (shape.denseFfnParams / layout.attentionTp) * wb;
    else layer += (shape.sharedExpertParams / layout.attentionTp) * wb + shape.routerParams * embB + ((slots * shape.perRoutedExpert) / layout.moeTp) * wb;
    perStage += (g.count / layout.pp) * layer;
  }
  if (withMtp && shape.mtpLayers > 0) {
    const last = shape.groups[shape.groups.length - 1];
    const ffn =
      last?.ffn === 'moe'
        ? shape.sharedExpertParams / layout.attentionTp + (slots * shape.perRoutedExpert) / layout.moeTp
        : shape.denseFfnParams / layout.attentionTp;
    perStage += shape.mtpLayers * ((shape.attnParams / layout.attentionTp + ffn) * wb + 2 * shape.hidden * shape.hidden * embB);
  }
  const embed = layout.pp === 1 ? shape.embeddingParams + shape.headStoredParams : Math.max(shape.embeddingParams, shape.headStoredParams);
  return perStage + (embed / layout.attentionTp) * embB;
}

/** KV elements one GPU stores per token per layer: MLA latent replicated across TP; GQA heads split down to one per rank. */
export function kvElementsPerTokenPerLayerPerGpu(shape: ModelShape, attentionTp: number): number {
  if (shape.kvReplicatedAcrossTp) return shape.kvElementsPerTokenPerLayer;
  const headsPerRank = Math.ceil(shape.kvHeads / attentionTp);
  return (shape.kvElementsPerTokenPerLayer * headsPerRank) / shape.kvHeads;
}

/** KV bytes one GPU holds for one sequence at `contextTokens` (its layers only; sliding layers capped). */
export function kvBytesPerSequencePerGpu(shape: ModelShape, layout: ResolvedLayout, contextTokens: number, kvBytesPerElement: number): number {
  const perLayer = kvElementsPerTokenPerLayerPerGpu(shape, layout.attentionTp) * kvBytesPerElement;
  let tokens = 0;
  for (const g of shape.groups) tokens += (g.count / layout.pp) * layerKeys(shape, g, contextTokens);
  return tokens * perLayer;
}

/** Activation workspace of one forward pass of `tokens` tokens on one GPU (hidden states, the widest FFN slice, logits). */
export function activationBytes(shape: ModelShape, layout: ResolvedLayout, tokens: number): number {
  const h = shape.hidden;
  const ffnInner = (params: number) => params / (SWIGLU_MATRICES * h);
  const ffnSlice = Math.max(ffnInner(shape.denseFfnParams) / layout.attentionTp, (ffnInner(shape.perRoutedExpert) * shape.topK) / layout.moeTp);
  const perToken = (HIDDEN_ACTIVATIONS_PER_TOKEN * h + FFN_ACTIVATIONS_PER_TOKEN * ffnSlice) * BYTES_PER_ELEMENT.bf16;
  const logits = (shape.headParams / h / layout.attentionTp) * BYTES_PER_ELEMENT.fp32 * Math.min(tokens, LOGITS_CHUNK_TOKENS);
  return tokens * perToken + logits;
}

export function gpuMemory(args: {
  shape: ModelShape;
  gpu: GpuSpec;
  layout: ResolvedLayout;
  weights: WeightFormat;
  kvBytesPerElement: number;
  /** Whole context of a sequence (prompt + output). */
  contextTokens: number;
  maxTokensPerStep: number;
  withMtp?: boolean;
  /** Tokens of `contextTokens` generated by decode (default 0: the context is all prompt). */
  outputTokens?: number;
  /** KV block (page) size, tokens (paged-kv.ts KV_BLOCK_TOKENS; default 1, token-granular). */
  kvBlockTokens?: number;
}): GpuMemory {
  const { shape, gpu, layout } = args;
  const capacityBytes = convert(gpu.hbmCapacityGB.value, 'GB', 'B');
  const weightsBytes = weightBytesPerGpu(shape, layout, args.weights, args.withMtp ?? false);
  const workspaceBytes = MEMORY_RESERVE_FRACTION * capacityBytes + activationBytes(shape, layout, args.maxTokensPerStep);
  const kvBytesPerToken = kvBytesPerSequencePerGpu(shape, layout, 1, args.kvBytesPerElement);
  const perLayerTokenBytes = kvElementsPerTokenPerLayerPerGpu(shape, layout.attentionTp) * args.kvBytesPerElement;
  const output = Math.min(Math.max(args.outputTokens ?? 0, 0), args.contextTokens);
  const tokens = pagedKvTokensPerSequence(shape, layout, args.contextTokens - output, output, args.kvBlockTokens ?? 1);
  const kvBytesPerSequence = tokens.full * perLayerTokenBytes;
  const kvBytesPerSequenceMean = tokens.mean * perLayerTokenBytes;
  const freeForKvBytes = capacityBytes - weightsBytes - workspaceBytes;
  const perRank = (bytes: number) => (freeForKvBytes > 0 && bytes > 0 ? Math.floor(freeForKvBytes / bytes) : 0);
  const fullPerRank = perRank(kvBytesPerSequence);
  const sustainedPerRank = fullPerRank < 1 ? 0 : Math.max(fullPerRank, perRank(kvBytesPerSequenceMean));
  return {
    weightsBytes,
    kvBytesPerToken,
    kvBytesPerSequence,
    kvBytesPerSequenceMean,
    workspaceBytes,
    capacityBytes,
    freeForKvBytes,
    maxConcurrency: sustainedPerRank * layout.attentionDp,
    maxConcurrencyFullContext: fullPerRank * layout.attentionDp,
  };
}

/**
 * Why nothing fits: the weights and workspace leave no room for KV, or one sequence of
 * `contextTokens` needs more KV than is left. The one wording every inference answer uses.
 */
export function memoryShortfallReason(mem: GpuMemory, contextTokens: number): string {
  const gb = (bytes: number, digits: number) => convert(bytes, 'B', 'GB').toFixed(digits);
  return mem.freeForKvBytes <= 0
    ? `weights (${gb(mem.weightsBytes, 1)} GB) and workspace (${gb(mem.workspaceBytes, 1)} GB) exceed the ${gb(mem.capacityBytes, 0)} GB of HBM per GPU`
    : `one sequence of ${Math.round(contextTokens)} tokens needs ${gb(mem.kvBytesPerSequence, 2)} GB of KV per GPU, more than the ${gb(mem.freeForKvBytes, 2)} GB left`;
}
