import type { PlanContext } from './context.js';
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
  const arch = ctx.profile.arch;
  const a = arch.attention;
  if (a.numHeads % l.tp !== 0) return 'tp does not divide the attention heads';
  if (!a.mla && a.numKvHeads % l.tp !== 0 && l.tp % a.numKvHeads !== 0) return 'tp does not divide the attention heads';
  const experts = arch.moe?.numRoutedExperts ?? 0;
  if (l.ep > 1 && (experts === 0 || experts % l.ep !== 0 || (l.tp * l.dp) % l.ep !== 0)) return 'ep must divide tp×dp and the routed-expert count';
  if (l.pp > arch.numLayers) return 'more pipeline stages than layers';
  if (ctx.profile.sequenceLength % l.cp !== 0) return 'sequence not divisible by cp';
  if (ctx.globalBatchSequences % (l.dp * l.microBatchSize) !== 0) return 'global batch not divisible by dp × micro-batch size';
  const m = ctx.globalBatchSequences / (l.dp * l.microBatchSize);
  if (l.schedule === 'interleaved' && (l.pp < 2 || l.virtualStages < 2 || l.pp * l.virtualStages > arch.numLayers || m % l.pp !== 0)) {
    return 'interleaved schedule needs pp > 1, pp·v ≤ layers and micro-batches a multiple of pp';
  }
  if (l.schedule === 'dualpipe' && (l.pp < 2 || l.pp % 2 !== 0 || m % 2 !== 0 || m < l.pp)) return 'DualPipe needs an even pp ≥ 2 and an even micro-batch count ≥ pp';
  if (l.schedule === 'zerobubble' && (l.pp < 2 || m < l.pp)) return 'zero-bubble schedule needs pp > 1 and micro-batches ≥ pp';
  return null;
}
