/**
 * Contiguous assignment of decoder layers to pipeline stages, balancing a weight per
 * layer (training FLOPs) with extra weight on the first stage (embedding) and the last
 * (LM head, MTP modules). Minimises the heaviest stage (binary search on the bound,
 * greedy check), every stage keeps at least one layer. Unequal layer counts are
 * allowed (61 layers on 16 stages). Returns layers per stage, or null if pp > layers.
 */
/** Bisection steps on the heaviest-stage bound at most (2^-40 of the total weight: far past the tolerance). */
const MAX_BISECTION_STEPS = 40;
/** The bisection stops once the bound is known to this fraction of the total weight. */
const BISECTION_RELATIVE_TOLERANCE = 1e-6;

export function partitionLayers(weights: readonly number[], stages: number, firstExtra: number, lastExtra: number): number[] | null {
  const n = weights.length;
  if (stages < 1 || n < stages) return null;
  if (stages === 1) return [n];
  let total = firstExtra + lastExtra;
  for (let i = 0; i < n; i++) total += weights[i]!;
  let lo = total / stages;
  let hi = total;
  let best = greedy(weights, stages, firstExtra, lastExtra, hi);
  for (let iter = 0; iter < MAX_BISECTION_STEPS && hi - lo > total * BISECTION_RELATIVE_TOLERANCE; iter++) {
    const mid = (lo + hi) / 2;
    const counts = greedy(weights, stages, firstExtra, lastExtra, mid);
    if (counts) {
      best = counts;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

/**
 * A cheap sufficient test that partitionLayers returns a partition: its first greedy fill (at the
 * total weight, before any bisection) succeeds. false means "not known": call partitionLayers.
 */
export function partitionSurelyExists(weights: readonly number[], stages: number, firstExtra: number, lastExtra: number): boolean {
  const n = weights.length;
  if (stages < 1 || n < stages) return false;
  if (stages === 1) return true;
  let total = firstExtra + lastExtra;
  for (let i = 0; i < n; i++) total += weights[i]!;
  return greedy(weights, stages, firstExtra, lastExtra, total) !== null;
}

/** Fill stages from the back (the last stage carries the head) keeping each ≤ bound; null if impossible. */
function greedy(weights: readonly number[], stages: number, firstExtra: number, lastExtra: number, bound: number): number[] | null {
  const counts = new Array<number>(stages).fill(0);
  let stage = stages - 1;
  let sum = lastExtra;
  let count = 0;
  for (let i = weights.length - 1; i >= 0; i--) {
    const w = weights[i]! + (i === 0 ? firstExtra : 0);
    if (count > 0 && (sum + w > bound || i + 1 === stage)) {
      counts[stage] = count;
      stage--;
      sum = 0;
      count = 0;
      if (stage < 0) return null;
    }
    sum += w;
    count++;
    if (sum > bound) return null;
  }
  counts[stage] = count;
  return stage === 0 ? counts : null;
}
