/**
 * One layout's evaluation, memo-key codes: the numbers the string and boolean layout fields take
 * in memoKey's small code, so that the memo tables key on one number.
 */
import type { PlanContext } from '../context.js';
import { pipelineCrossesNodes } from '../layout-math.js';
import type { Layout, PipelineSchedule, RecomputeMode } from '../types.js';

/** Numeric codes of the string layout fields for memo keys. */
export const RECOMPUTE_INDEX: Readonly<Record<RecomputeMode, number>> = { none: 0, selective: 1, full: 2 };
export const SCHEDULE_INDEX: Readonly<Record<PipelineSchedule, number>> = { '1f1b': 0, interleaved: 1, zerobubble: 2, dualpipe: 3 };

/** Whether pipeline neighbours sit on different nodes (the stride tp·cp·dp fills a node): sets the pipeline-send link. */
export function crossNodePipeline(ctx: PlanContext, layout: Layout): 0 | 1 {
  return pipelineCrossesNodes(layout, ctx.cluster.gpusPerNode) ? 1 : 0;
}
