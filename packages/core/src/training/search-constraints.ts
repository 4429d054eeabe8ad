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

/** The layout fields a pin may leave to the search. */
const OPTIONAL_FIELDS = ['zero', 'microBatchSize', 'schedule', 'virtualStages', 'recompute'] as const;
/** Every layout field constraints may give. */
const CONSTRAINABLE_FIELDS = ['tp', 'pp', 'dp', 'ep', 'cp', ...OPTIONAL_FIELDS] as const;

/** The `fields` of a pin or constraint set that it gives (undefined ones left to the search). */
function givenFields(p: Partial<Layout>, fields: readonly (keyof Layout)[]): LayoutConstraints {
  const fixed: Record<string, unknown> = {};
  for (const k of fields) if (p[k] !== undefined) fixed[k] = p[k];
  // a schedule other than interleaved runs one model chunk per rank
  if (p.schedule !== undefined && p.schedule !== 'interleaved' && p.virtualStages === undefined) fixed.virtualStages = 1;
  return fixed as LayoutConstraints;
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
    return { fixed: { tp: p.tp, pp: p.pp, dp: p.dp, ep: p.ep, cp: p.cp ?? 1, ...givenFields(p, OPTIONAL_FIELDS) }, pinnedBy: 'parallelism' };
  }
  const c = req.layoutConstraints;
  if (!c) return { fixed: {}, pinnedBy: null };
  const prob = constraintsProblem(ctx, c);
  if (prob) throw PlannerInputError.at('layoutConstraints', prob);
  const fixed = givenFields(c, CONSTRAINABLE_FIELDS);
  return { fixed, pinnedBy: Object.keys(fixed).length > 0 ? 'layoutConstraints' : null };
}
