/**
 * The optimizer step: the rank's ZeRO shard of parameters, updated at HBM speed.
 */
import type { PlanContext } from '../context.js';
import { optimizerShardParams } from '../layout-math.js';
import type { StaticParams } from '../memory.js';
import { optimizerStepBytesPerParam } from '../optimizer-bytes.js';
import type { Layout } from '../types.js';

/** Parameters whose optimizer state a rank updates (its ZeRO shard). */
export function optimizerShard(layout: Layout, params: StaticParams): number {
  return optimizerShardParams(layout, params.denseParams, params.expertParams);
}

/** Optimizer step, seconds: the rank's shard of master weights, moments and gradients read and written at HBM speed. */
export function optimizerStepSeconds(ctx: PlanContext, layout: Layout, params: StaticParams): number {
  const stepBytes = optimizerShard(layout, params) * optimizerStepBytesPerParam(ctx.optimizer, ctx.gradients);
  return stepBytes / (ctx.hw.hbmBytesPerSecond * ctx.eff.hbm);
}
