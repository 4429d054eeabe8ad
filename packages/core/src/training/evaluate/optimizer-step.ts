/**
 * The optimizer step: the rank's ZeRO shard of parameters, updated at HBM speed.
 */
import { BYTES_PER_ELEMENT } from '../../units/units.js';
import type { PlanContext } from '../context.js';
import { optimizerShardParams } from '../layout-math.js';
import type { StaticParams } from '../memory.js';
import type { Layout } from '../types.js';

/** Parameters whose optimizer state a rank updates (its ZeRO shard). */
export function optimizerShard(layout: Layout, params: StaticParams): number {
  return optimizerShardParams(layout, params.denseParams, params.expertParams);
}

/** Optimizer step: read and write master weights, moments and gradients of the rank's shard at HBM speed. */
export function optimizerStepSeconds(ctx: PlanContext, layout: Layout, params: StaticParams): number {
  const shardParams = optimizerShard(layout, params);
  const moment = ctx.optimizer === 'bf16' ? BYTES_PER_ELEMENT.bf16 : BYTES_PER_ELEMENT.fp32;
  const stepBytes = shardParams * (3 * BYTES_PER_ELEMENT.fp32 + BYTES_PER_ELEMENT.bf16 + 4 * moment);
  return stepBytes / (ctx.hw.hbmBytesPerSecond * ctx.eff.hbm);
}
