import type { PlanContext } from './context.js';
import { expertParallelDomain, microBatchesPerStep, sequencesPerMicroBatchRound } from './layout-math.js';
import type { Layout } from './types.js';

/** Why a layout is structurally impossible (one key per rule; counted in `rejectedLayouts`). */
export type RejectReason =
  | 'tp does not divide the attention heads'
  | 'ep must divide tp×dp and the routed-expert count'
  | 'more pipeline stages than layers'
  | 'global batch not divisible by dp × micro-batch size'
  | 'sequence not divisible by cp'
  | 'interleaved schedule needs pp > 1, pp·v ≤ layers and micro-batches a multiple of pp'
  | 'DualPipe needs an even pp ≥ 2 and an even micro-batch count ≥ pp'
  | 'zero-bubble schedule needs pp > 1 and micro-batches ≥ pp'
  | 'does not fit in HBM';

export function structuralProblem(ctx: PlanContext, l: Layout): RejectReason | null {
  return tensorExpertProblem(ctx, l.tp, l.dp, l.ep) ?? pipelineBatchProblem(ctx, l);
}

/** The rules on tp and ep alone (checked first): the search applies them once per (tp, dp, ep). */
export function tensorExpertProblem(ctx: PlanContext, tp: number, dp: number, ep: number): RejectReason | null {
  const arch = ctx.profile.arch;
  const a = arch.attention;
  if (a.numHeads % tp !== 0) return 'tp does not divide the attention heads';
  if (!a.mla && a.numKvHeads % tp !== 0 && tp % a.numKvHeads !== 0) return 'tp does not divide the attention heads';
  const experts = arch.moe?.numRoutedExperts ?? 0;
  if (ep > 1 && (experts === 0 || experts % ep !== 0 || expertParallelDomain(tp, dp) % ep !== 0)) return 'ep must divide tp×dp and the routed-expert count';
  return null;
}

/**
 * The rules after tensorExpertProblem: pipeline depth, cp, batch and schedule. They do not
 * read `l.ep`, so the search applies them once for every EP size of a (tp, cp, pp, dp,
 * micro-batch, schedule).
 */
export function pipelineBatchProblem(ctx: PlanContext, l: Layout): RejectReason | null {
  const arch = ctx.profile.arch;
  if (l.pp > arch.numLayers) return 'more pipeline stages than layers';
  if (ctx.profile.sequenceLength % l.cp !== 0) return 'sequence not divisible by cp';
  if (ctx.globalBatchSequences % sequencesPerMicroBatchRound(l) !== 0) return 'global batch not divisible by dp × micro-batch size';
  const m = microBatchesPerStep(ctx.globalBatchSequences, l);
  if (l.schedule === 'interleaved' && (l.pp < 2 || l.virtualStages < 2 || l.pp * l.virtualStages > arch.numLayers || m % l.pp !== 0)) {
    return 'interleaved schedule needs pp > 1, pp·v ≤ layers and micro-batches a multiple of pp';
  }
  if (l.schedule === 'dualpipe' && (l.pp < 2 || l.pp % 2 !== 0 || m % 2 !== 0 || m < l.pp))
    return 'DualPipe needs an even pp ≥ 2 and an even micro-batch count ≥ pp';
  if (l.schedule === 'zerobubble' && (l.pp < 2 || m < l.pp)) return 'zero-bubble schedule needs pp > 1 and micro-batches ≥ pp';
  return null;
}
