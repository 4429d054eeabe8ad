/**
 * What a training request fixes of the layout search: a pinned layout (`parallelism`: the
 * search only fills its optional fields) or constraints (`layoutConstraints`: any fields every
 * searched layout keeps, the rest searched). Structural rules that no searched field can repair
 * are input errors on the field that breaks them.
 */
import { PlannerInputError } from '../errors.js';
import type { PlanContext } from './context.js';
import { structuralProblem } from './layout-rules.js';
import type { LayoutConstraints } from './search/space.js';
import type { Layout, TrainingRequest } from './types.js';

/** The request field that fixed the search, if any (warnings.ts words its warnings after it). */
export type PinnedBy = 'parallelism' | 'layoutConstraints' | null;

export interface SearchConstraints {
  readonly fixed: LayoutConstraints;
  readonly pinnedBy: PinnedBy;
}

/** The optional fields of a pin or constraint set, copied only when given. */
function optionalFields(p: Partial<Layout>): LayoutConstraints {
  let fixed: LayoutConstraints = {
    ...(p.zero !== undefined ? { zero: p.zero } : {}),
    ...(p.microBatchSize !== undefined ? { microBatchSize: p.microBatchSize } : {}),
    ...(p.schedule !== undefined ? { schedule: p.schedule } : {}),
    ...(p.virtualStages !== undefined ? { virtualStages: p.virtualStages } : {}),
    ...(p.recompute !== undefined ? { recompute: p.recompute } : {}),
  };
  // a schedule other than interleaved runs one model chunk per rank
  if (p.schedule !== undefined && p.schedule !== 'interleaved' && p.virtualStages === undefined) fixed = { ...fixed, virtualStages: 1 };
  return fixed;
}

/** The rule a pinned tp × pp × dp × cp breaks whatever the searched fields (null when none). */
function pinnedProblem(ctx: PlanContext, p: NonNullable<TrainingRequest['parallelism']>): string | null {
  const probe: Layout = {
    tp: p.tp,
    pp: p.pp,
    dp: p.dp,
    ep: p.ep,
    cp: p.cp ?? 1,
    zero: p.zero ?? 1,
    microBatchSize: 1,
    schedule: '1f1b',
    virtualStages: 1,
    recompute: 'none',
  };
  const prob = structuralProblem(ctx, probe);
  // the batch rule depends on the micro-batch size, which the search may still choose
  return prob && prob !== 'global batch not divisible by dp × micro-batch size' ? prob : null;
}

/** The rule constraints break when the tp × pp × dp × cp they give does not divide the GPU count (null when none). */
function constraintsProblem(ctx: PlanContext, c: NonNullable<TrainingRequest['layoutConstraints']>): string | null {
  const product = (c.tp ?? 1) * (c.pp ?? 1) * (c.dp ?? 1) * (c.cp ?? 1);
  // the message names the rule, never the values submitted
  if (ctx.gpuCount % product !== 0) return 'tp × pp × dp × cp of the constraints must divide gpuCount';
  return null;
}

export function searchConstraints(req: TrainingRequest, ctx: PlanContext): SearchConstraints {
  const p = req.parallelism;
  if (p) {
    const prob = pinnedProblem(ctx, p);
    if (prob) throw PlannerInputError.at('parallelism', prob);
    return { fixed: { tp: p.tp, pp: p.pp, dp: p.dp, ep: p.ep, cp: p.cp ?? 1, ...optionalFields(p) }, pinnedBy: 'parallelism' };
  }
  const c = req.layoutConstraints;
  if (!c) return { fixed: {}, pinnedBy: null };
  const prob = constraintsProblem(ctx, c);
  if (prob) throw PlannerInputError.at('layoutConstraints', prob);
  const fixed: LayoutConstraints = {
    ...(c.tp !== undefined ? { tp: c.tp } : {}),
    ...(c.pp !== undefined ? { pp: c.pp } : {}),
    ...(c.dp !== undefined ? { dp: c.dp } : {}),
    ...(c.ep !== undefined ? { ep: c.ep } : {}),
    ...(c.cp !== undefined ? { cp: c.cp } : {}),
    ...optionalFields(c),
  };
  return { fixed, pinnedBy: Object.keys(fixed).length > 0 ? 'layoutConstraints' : null };
}
