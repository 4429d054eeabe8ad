import { withGlobalBatch, type PlanContext } from './context.js';
import { searchLayouts } from './search/branch-and-bound.js';
import type { PinnedBy } from './search-constraints.js';
import type { LayoutConstraints } from './search/space.js';
import type { Layout, LayoutEvaluation, TimeBreakdown } from './types.js';

/*
 * Warnings for inputs that waste the cluster. Every threshold below is a planner choice (where
 * to draw the line between "worth saying" and noise), not a measured or published figure.
 */

/** Warn about the batch when a larger one raises tokens/s per GPU by at least this fraction (10%). */
export const BATCH_GAIN_WARN_FRACTION = 0.1;
/** The batch named is the smallest on the ladder reaching this fraction of the best tokens/s per GPU found (90%). */
export const BATCH_RECOVERY_FRACTION = 0.9;
/** Multiples of the request's global batch tried, smallest first (each probe re-runs the layout search). */
export const BATCH_LADDER_FACTORS: readonly number[] = [2, 4, 8, 16];
/** The ladder stops once a rung gains less than this fraction (2%) over the best tokens/s per GPU so far. */
export const BATCH_LADDER_FLAT_FRACTION = 0.02;
/** Warn about a pinned layout when the best searched layout has at least this step-time speed-up (1.5×). */
export const PINNED_SPEEDUP_WARN_RATIO = 1.5;
/** Warn about a pinned layout whose pipeline bubble plus exposed communication exceed this fraction of the step (half). */
export const PINNED_IDLE_WARN_FRACTION = 0.5;

/**
 * Relative slack on the step-time limits the warnings' probes search under (1e-9): a layout whose
 * throughput sits at a threshold to within rounding is still found and compared exactly, so the
 * limits change how much is searched, never a warning.
 */
const PROBE_LIMIT_SLACK = 1e-9;

/** The step time at which `sequences` sequences per step give `tokensPerSecondPerGpu`, plus the slack: the probes' search limit. */
function stepLimitSeconds(ctx: PlanContext, sequences: number, tokensPerSecondPerGpu: number): number {
  return ((sequences * ctx.profile.sequenceLength) / (tokensPerSecondPerGpu * ctx.gpuCount)) * (1 + PROBE_LIMIT_SLACK);
}

export interface WarningInput {
  readonly ctx: PlanContext;
  /** The constraints the plan was searched under ({} when nothing was pinned). */
  readonly fixed: LayoutConstraints;
  /** The request field that fixed the search: a pinned layout, constraints, or null (searched freely). */
  readonly pinnedBy: PinnedBy;
  /** The plan's layout, evaluated. */
  readonly chosen: LayoutEvaluation;
  /** Training tokens of the run: no probed batch is larger than the whole run. */
  readonly tokens: number;
  /**
   * Whether the probes search under the limits below the warnings need (default true). false
   * searches each probe in full: the reference the tests compare the warnings with.
   */
  readonly probeLimits?: boolean;
}

const SCHEDULE_NAMES: Readonly<Record<Layout['schedule'], string>> = {
  '1f1b': '1F1B',
  interleaved: 'interleaved',
  zerobubble: 'zero-bubble',
  dualpipe: 'DualPipe',
};

/** "TP1 · PP16 · DP128 · EP64 · ZeRO-1 · micro-batch 1 · DualPipe", as the web view names layouts. */
export function layoutName(l: Layout): string {
  const parts = [`TP${l.tp}`, `PP${l.pp}`, `DP${l.dp}`, `EP${l.ep}`];
  if (l.cp > 1) parts.push(`CP${l.cp}`);
  const schedule = l.schedule === 'interleaved' && l.virtualStages > 1 ? `interleaved ×${l.virtualStages}` : SCHEDULE_NAMES[l.schedule];
  parts.push(`ZeRO-${l.zero}`, `micro-batch ${l.microBatchSize}`, schedule);
  if (l.recompute !== 'none') parts.push(`${l.recompute} recompute`);
  return parts.join(' · ');
}

const whole = (x: number) => Math.round(x).toLocaleString('en-US');
const percentOf = (fraction: number) => `${Math.round(fraction * 100)}%`;
const secondsText = (s: number) => `${s.toFixed(s < 10 ? 2 : 1)} s`;

interface Rung {
  readonly sequences: number;
  readonly tokensPerSecondPerGpu: number;
}

/**
 * The global batch is too small for the GPU count: the layout search at ×2, ×4, … of the batch
 * (same pinned fields) finds materially more tokens/s per GPU. Names the smallest probed batch
 * that recovers most of the best throughput found. Null when the plan does not fit.
 */
export function batchWarning({ ctx, fixed, chosen, tokens, probeLimits = true }: WarningInput): string | null {
  if (!chosen.fits) return null;
  const seq = ctx.profile.sequenceLength;
  const base = chosen.tokensPerSecondPerGpu;
  const rungs: Rung[] = [];
  let best = base;
  // each rung's search starts from the layout of the rung below (same request, half the batch)
  let incumbent = chosen.layout;
  for (const factor of BATCH_LADDER_FACTORS) {
    const sequences = ctx.globalBatchSequences * factor;
    if (sequences * seq > tokens) break;
    // The rung's search looks only for layouts that could change the warning: a rung no faster than
    // the best so far ends the ladder and is never the one named (an earlier rung holds the best), and
    // while a flat rung (below best × (1 + flat fraction)) cannot lift the best to the warning
    // threshold, neither can any rung below that. Finding none ends the ladder as such a rung would.
    const flatCannotWarn = best * (1 + BATCH_LADDER_FLAT_FRACTION) <= base * (1 + BATCH_GAIN_WARN_FRACTION);
    const mustBeat = flatCannotWarn ? best * (1 + BATCH_LADDER_FLAT_FRACTION) : best;
    const rungCtx = withGlobalBatch(ctx, sequences);
    const limit = probeLimits ? { limitSeconds: stepLimitSeconds(rungCtx, sequences, mustBeat) } : {};
    const top = searchLayouts(rungCtx, fixed, 1, { incumbent, ...limit }).ranked[0];
    if (!top) break;
    incumbent = top.layout;
    rungs.push({ sequences, tokensPerSecondPerGpu: top.tokensPerSecondPerGpu });
    const flat = top.tokensPerSecondPerGpu < best * (1 + BATCH_LADDER_FLAT_FRACTION);
    best = Math.max(best, top.tokensPerSecondPerGpu);
    if (flat) break;
  }
  if (best < base * (1 + BATCH_GAIN_WARN_FRACTION)) return null;
  const pick = rungs.find((r) => r.tokensPerSecondPerGpu >= BATCH_RECOVERY_FRACTION * best)!;
  const batchTokens = ctx.globalBatchSequences * seq;
  return (
    `Global batch too small for ${whole(ctx.gpuCount)} GPUs: at ${whole(batchTokens)} tokens (${whole(ctx.globalBatchSequences)} sequences) per step the plan reaches ${whole(base)} tokens/s per GPU; ` +
    `${whole(pick.sequences * seq)} tokens (${whole(pick.sequences)} sequences) per step would reach ${whole(pick.tokensPerSecondPerGpu)} (+${percentOf(pick.tokensPerSecondPerGpu / base - 1)}). ` +
    'Throughput only: whether the larger batch converges as well is not modelled.'
  );
}

/** Exposed (not hidden) communication per step, all collectives. */
function exposedSeconds(t: TimeBreakdown): number {
  const e = t.exposedCommunication;
  return e.tensorParallel + e.contextParallel + e.expertAllToAll + e.pipelineSend + e.dataParallel;
}

/** How the warnings name the plan's layout, by the request field that fixed it. */
const PINNED_WORDS: Readonly<Record<NonNullable<PinnedBy>, { readonly layout: string; readonly field: string }>> = {
  parallelism: { layout: 'the pinned', field: 'parallelism' },
  layoutConstraints: { layout: 'the best under layoutConstraints,', field: 'layoutConstraints' },
};

/**
 * A pinned (or constrained) layout that wastes the cluster: the free search (same batch) is much
 * faster, or the pipeline bubble and exposed communication take most of the step. Empty for
 * freely searched plans and for layouts that do not fit (their reasons already say why).
 */
export function pinnedLayoutWarnings({ ctx, pinnedBy, chosen, probeLimits = true }: WarningInput): string[] {
  if (!pinnedBy || !chosen.fits) return [];
  const words = PINNED_WORDS[pinnedBy];
  const warnings: string[] = [];
  // only a searched layout at least PINNED_SPEEDUP_WARN_RATIO× faster matters: the search looks for no other
  const limit = probeLimits ? { limitSeconds: (chosen.stepTimeSeconds / PINNED_SPEEDUP_WARN_RATIO) * (1 + PROBE_LIMIT_SLACK) } : {};
  const searched = searchLayouts(ctx, {}, 1, { incumbent: chosen.layout, ...limit }).ranked[0];
  if (searched) {
    const speedup = chosen.stepTimeSeconds / searched.stepTimeSeconds;
    if (speedup >= PINNED_SPEEDUP_WARN_RATIO) {
      warnings.push(
        `The searched layout ${layoutName(searched.layout)} is ${speedup.toFixed(2)}× faster than ${words.layout} ${layoutName(chosen.layout)} ` +
          `(${whole(searched.tokensPerSecondPerGpu)} vs ${whole(chosen.tokensPerSecondPerGpu)} tokens/s per GPU); leave ${words.field} out to use it.`,
      );
    }
  }
  const t = chosen.timeBreakdown;
  const exposed = exposedSeconds(t);
  const idleFraction = (t.pipelineBubble + exposed) / chosen.stepTimeSeconds;
  if (idleFraction > PINNED_IDLE_WARN_FRACTION) {
    warnings.push(
      `${pinnedBy === 'parallelism' ? 'The pinned layout' : 'The best layout under layoutConstraints'} leaves the GPUs waiting for ${percentOf(idleFraction)} of each step: pipeline bubble ${secondsText(t.pipelineBubble)} ` +
        `and exposed communication ${secondsText(exposed)} of a ${secondsText(chosen.stepTimeSeconds)} step.`,
    );
  }
  return warnings;
}

/** Every warning for a plan, batch first. */
export function trainingWarnings(input: WarningInput): string[] {
  const batch = batchWarning(input);
  return [...(batch ? [batch] : []), ...pinnedLayoutWarnings(input)];
}
