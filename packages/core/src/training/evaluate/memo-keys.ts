/**
 * Memo-key codes of one layout's evaluation: the numbers the string and boolean layout fields
 * take in memoKey's small code (below 256), packed with named radices, so that every memo table
 * keys on one number.
 */
import type { PlanContext } from '../context.js';
import { pipelineCrossesNodes } from '../layout-math.js';
import type { Layout, PipelineSchedule, RecomputeMode } from '../types.js';

/** Codes of the recomputation modes, below RECOMPUTE_CODES. */
export const RECOMPUTE_INDEX: Readonly<Record<RecomputeMode, number>> = { none: 0, selective: 1, 'selective-op': 2, full: 3 };
export const RECOMPUTE_CODES = 4;
/** Codes of the pipeline schedules, below SCHEDULE_CODES. */
export const SCHEDULE_INDEX: Readonly<Record<PipelineSchedule, number>> = { '1f1b': 0, interleaved: 1, zerobubble: 2, dualpipe: 3 };
export const SCHEDULE_CODES = 4;

/** pipelineLinkCode is below this: cross-node or not (2) × pipelined or not (2). */
export const PIPELINE_LINK_CODES = 4;

/** The pipeline-send link of a layout as a code: cross-node (pipeline neighbours on other nodes) × 2 + pipelined (pp > 1). */
export function pipelineLinkCode(ctx: PlanContext, layout: Layout): number {
  return (pipelineCrossesNodes(layout, ctx.cluster.gpusPerNode) ? 1 : 0) * 2 + (layout.pp > 1 ? 1 : 0);
}

/** Code of (recomputation, pipeline link): the costs of a shape (below RECOMPUTE_CODES × PIPELINE_LINK_CODES). */
export function recomputeLinkCode(ctx: PlanContext, layout: Layout): number {
  return RECOMPUTE_INDEX[layout.recompute] * PIPELINE_LINK_CODES + pipelineLinkCode(ctx, layout);
}

/**
 * Code of (recomputation, schedule, virtual stages): the activations per rank. Below memoKey's
 * 256 up to 15 virtual stages; above, memoKey falls back to a string key.
 */
export function activationsCode(recompute: RecomputeMode, schedule: PipelineSchedule, virtualStages: number): number {
  return RECOMPUTE_INDEX[recompute] + RECOMPUTE_CODES * (SCHEDULE_INDEX[schedule] + SCHEDULE_CODES * virtualStages);
}

/** Key of the per-token stage activations per (pipeline depth, recomputation). */
export function stageActivationsKey(pp: number, recompute: RecomputeMode): number {
  return pp * RECOMPUTE_CODES + RECOMPUTE_INDEX[recompute];
}

/** Code of the DualPipe flag (a rank holds two mirrored stages). */
export function dualPipeCode(layout: Layout): number {
  return layout.schedule === 'dualpipe' ? 1 : 0;
}
