import { convert } from '../units/units.js';
import { BYTES_PER_ELEMENT } from '../units/units.js';
import type { GpuSpec } from '../gpus/types.js';
import type { ResolvedLayout } from './layout.js';
import { layerKeys, type ModelShape } from './shape.js';
import { weightBytesPerElement, type WeightFormat } from './precision.js';

/**
 * Memory of one GPU of a serving instance (the busiest one: first/last pipeline stage, a full
 * share of expert slots). All sizes in bytes.
 */
export interface GpuMemory {
  readonly weightsBytes: number;
  readonly kvBytesPerToken: number;
  readonly kvBytesPerSequence: number;
  readonly workspaceBytes: number;
  readonly capacityBytes: number;
  /** Bytes left for KV after weights and workspace (may be negative). */
  readonly freeForKvBytes: number;
  /** Sequences at `contextTokens` that fit on the whole instance (0 when weights alone overflow). */
  readonly maxConcurrency: number;
}

/**
 * Planner conventions for memory (not fitted): engines reserve part of HBM for the CUDA context,
 * CUDA graphs, NCCL buffers and fragmentation (vLLM's default gpu_memory_utilization is 0.9,
 * SGLang's mem_fraction_static ~0.8-0.9); activations of one forward pass are sized from the
 * largest step (`maxTokensPerStep` tokens).
 */
export const MEMORY_RESERVE_FRACTION = 0.08;

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
    let layer = shape.attnParams / layout.attentionTp * wb;
    if (g.ffn === 'dense') layer += shape.denseFfnParams / layout.attentionTp * wb;
    else layer += shape.sharedExpertParams / layout.attentionTp * wb + shape.routerParams * embB + slots * shape.perRoutedExpert / layout.moeTp * wb;
    perStage += (g.count / layout.pp) * layer;
  }
  if (withMtp && shape.mtpLayers > 0) {
    const last = shape.groups[shape.groups.length - 1];
    const ffn = last?.ffn === 'moe' ? shape.sharedExpertParams / layout.attentionTp + slots * shape.perRoutedExpert / layout.moeTp : shape.denseFfnParams / layout.attentionTp;
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
  const ffnSlice = Math.max(shape.denseFfnParams / (3 * h) / layout.attentionTp, (shape.perRoutedExpert / (3 * h)) * shape.topK / layout.moeTp);
  const perToken = (6 * h + 3 * ffnSlice) * BYTES_PER_ELEMENT.bf16;
  const logits = (shape.headParams / h / layout.attentionTp) * BYTES_PER_ELEMENT.fp32 * Math.min(tokens, 256);
  return tokens * perToken + logits;
}

export function gpuMemory(args: {
  shape: ModelShape; gpu: GpuSpec; layout: ResolvedLayout; weights: WeightFormat; kvBytesPerElement: number;
  contextTokens: number; maxTokensPerStep: number; withMtp?: boolean;
}): GpuMemory {
  const { shape, gpu, layout } = args;
  const capacityBytes = convert(gpu.hbmCapacityGB.value, 'GB', 'B');
  const weightsBytes = weightBytesPerGpu(shape, layout, args.weights, args.withMtp ?? false);
  const workspaceBytes = MEMORY_RESERVE_FRACTION * capacityBytes + activationBytes(shape, layout, args.maxTokensPerStep);
  const kvBytesPerToken = kvBytesPerSequencePerGpu(shape, layout, 1, args.kvBytesPerElement);
  const kvBytesPerSequence = kvBytesPerSequencePerGpu(shape, layout, args.contextTokens, args.kvBytesPerElement);
  const freeForKvBytes = capacityBytes - weightsBytes - workspaceBytes;
  const perRank = freeForKvBytes > 0 && kvBytesPerSequence > 0 ? Math.floor(freeForKvBytes / kvBytesPerSequence) : 0;
  return { weightsBytes, kvBytesPerToken, kvBytesPerSequence, workspaceBytes, capacityBytes, freeForKvBytes, maxConcurrency: perRank * layout.attentionDp };
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
