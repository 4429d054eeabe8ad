import type { Layout } from './types.js';

/**
 * The rank arithmetic of a training layout, in one place. Megatron rank order: tp fastest, then
 * cp, then dp, then pp (tp·cp·pp·dp = GPU count); EP is drawn from the tp·dp ranks of a stage
 * (expert-TP = 1), so one expert's data-parallel group spans tp·cp·dp / ep ranks.
 */

/** Ranks of the dense data-parallel group: Megatron's dp × cp group, over which gradients are reduced and ZeRO shards. */
export function denseDataParallelSize(layout: Layout): number {
  return layout.dp * layout.cp;
}

/** Ranks of one expert's data-parallel group (its gradients and ZeRO shards): the tp·cp·dp ranks of a stage over ep, at least 1. */
export function expertDataParallelSize(layout: Layout): number {
  return Math.max(1, (layout.tp * layout.cp * layout.dp) / layout.ep);
}

/** Ranks EP sizes are drawn from (EP must divide it): the tp·dp ranks. */
export function expertParallelDomain(tp: number, dp: number): number {
  return tp * dp;
}

/**
 * Whether pipeline neighbours sit on different nodes: their rank distance (the tp·cp·dp ranks of
 * one stage) fills a node. Sets the pipeline-send link.
 */
export function pipelineCrossesNodes(layout: Layout, gpusPerNode: number): boolean {
  return layout.tp * layout.cp * layout.dp >= gpusPerNode;
}

/** Sequences one round of micro-batches takes over the data-parallel ranks (the global batch must be a multiple). */
export function sequencesPerMicroBatchRound(layout: Layout): number {
  return layout.dp * layout.microBatchSize;
}

/** Micro-batches per optimizer step on each data-parallel rank. */
export function microBatchesPerStep(globalBatchSequences: number, layout: Layout): number {
  return globalBatchSequences / sequencesPerMicroBatchRound(layout);
}

/** Tokens of one micro-batch on one rank of the context-parallel group (micro-batch × sequence ÷ cp). */
export function microBatchTokens(sequenceLength: number, layout: Layout): number {
  return (layout.microBatchSize * sequenceLength) / layout.cp;
}

/** The pipeline rank whose stage DualPipe pairs with `rank`'s (pp − 1 − rank; the rank itself in the middle). */
export function dualPipeMirror(pp: number, rank: number): number {
  return pp - 1 - rank;
}

/** The pipeline rank that holds the LM head (and MTP): the last, or rank 0 under DualPipe (its pair holds the last stage). */
export function headPipelineRank(layout: Layout): number {
  return layout.schedule === 'dualpipe' ? 0 : layout.pp - 1;
}

/** The first ZeRO stage that shards each state over data parallelism (ZeRO-1 optimizer states, ZeRO-2 also gradients, ZeRO-3 also weights). */
export const ZERO_SHARDS_OPTIMIZER_STATES = 1;
export const ZERO_SHARDS_GRADIENTS = 2;
export const ZERO_SHARDS_WEIGHTS = 3;

/** Layers ZeRO-3 gathers at once per rank (the layer in use and the next one, prefetched). */
export const ZERO3_GATHER_BUFFER_LAYERS = 2;

/**
 * What the layout's ZeRO stage divides a state's dense parameters by: the dense data-parallel
 * group once the stage shards that state (`fromStage`: ZERO_SHARDS_…), else 1.
 */
export function denseZeroShards(layout: Layout, fromStage: number): number {
  return layout.zero >= fromStage ? denseDataParallelSize(layout) : 1;
}

/** The same for the routed experts: their expert data-parallel group once the stage shards the state, else 1. */
export function expertZeroShards(layout: Layout, fromStage: number): number {
  return layout.zero >= fromStage ? expertDataParallelSize(layout) : 1;
}

/** ZeRO-3: weights are gathered layer by layer (a gather buffer of ZERO3_GATHER_BUFFER_LAYERS layers). */
export function gathersWeights(layout: Layout): boolean {
  return layout.zero >= ZERO_SHARDS_WEIGHTS;
}

/** Parameters whose optimizer state a rank updates (its ZeRO shard). */
export function optimizerShardParams(layout: Layout, denseParams: number, expertParams: number): number {
  return denseParams / denseZeroShards(layout, ZERO_SHARDS_OPTIMIZER_STATES) + expertParams / expertZeroShards(layout, ZERO_SHARDS_OPTIMIZER_STATES);
}
