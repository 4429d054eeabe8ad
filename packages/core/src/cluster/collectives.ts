import { convert } from '../units/units.js';
import type { CollectiveLink } from './types.js';

/**
 * Collective cost functions (alpha-beta model, ring algorithms).
 *
 * `bytes` is the size of the full buffer each rank holds (S). `n` ranks.
 *  - all-reduce (ring):      2·(n−1)/n · S / B + 2·(n−1)·α
 *  - reduce-scatter, all-gather: (n−1)/n · S / B + (n−1)·α
 *  - all-to-all (pairwise, concurrent): (n−1)/n · S / B + α   (S = bytes each rank sends in total, own share included)
 * B is the per-direction bandwidth of the bottleneck link per GPU. Hierarchical
 * variants run the intra-node part on the scale-up link and move 1/k of the
 * buffer across nodes on the scale-out link (k = group members per node).
 * Results in seconds; n ≤ 1 or S ≤ 0 costs nothing.
 */

function transferSeconds(bytes: number, link: CollectiveLink): number {
  return bytes / convert(link.gbps, 'GB', 'B');
}

function latencySeconds(steps: number, link: CollectiveLink): number {
  return convert(steps * link.latencyUs, 'us', 's');
}

export function allReduceSeconds(bytes: number, n: number, link: CollectiveLink): number {
  if (n <= 1 || bytes <= 0) return 0;
  return transferSeconds(((2 * (n - 1)) / n) * bytes, link) + latencySeconds(2 * (n - 1), link);
}

export function reduceScatterSeconds(bytes: number, n: number, link: CollectiveLink): number {
  if (n <= 1 || bytes <= 0) return 0;
  return transferSeconds(((n - 1) / n) * bytes, link) + latencySeconds(n - 1, link);
}

export function allGatherSeconds(bytes: number, n: number, link: CollectiveLink): number {
  return reduceScatterSeconds(bytes, n, link);
}

export function allToAllSeconds(bytes: number, n: number, link: CollectiveLink): number {
  if (n <= 1 || bytes <= 0) return 0;
  return transferSeconds(((n - 1) / n) * bytes, link) + latencySeconds(1, link);
}

/** Point-to-point send of `bytes` (pipeline stage boundary). */
export function sendSeconds(bytes: number, link: CollectiveLink): number {
  if (bytes <= 0) return 0;
  return transferSeconds(bytes, link) + latencySeconds(1, link);
}

/** A group spread over `nodes` nodes with `perNode` members each. */
export interface GroupShape {
  readonly perNode: number;
  readonly nodes: number;
}

/** Hierarchical all-reduce: reduce-scatter in the node, all-reduce of S/k across nodes, all-gather in the node. */
export function hierarchicalAllReduceSeconds(bytes: number, g: GroupShape, up: CollectiveLink, out: CollectiveLink): number {
  if (g.nodes <= 1) return allReduceSeconds(bytes, g.perNode, up);
  return reduceScatterSeconds(bytes, g.perNode, up) + allReduceSeconds(bytes / g.perNode, g.nodes, out) + allGatherSeconds(bytes, g.perNode, up);
}

/** Hierarchical reduce-scatter: in the node first, then S/k across nodes. */
export function hierarchicalReduceScatterSeconds(bytes: number, g: GroupShape, up: CollectiveLink, out: CollectiveLink): number {
  if (g.nodes <= 1) return reduceScatterSeconds(bytes, g.perNode, up);
  return reduceScatterSeconds(bytes, g.perNode, up) + reduceScatterSeconds(bytes / g.perNode, g.nodes, out);
}

/** Hierarchical all-gather (mirror of the reduce-scatter). */
export function hierarchicalAllGatherSeconds(bytes: number, g: GroupShape, up: CollectiveLink, out: CollectiveLink): number {
  return hierarchicalReduceScatterSeconds(bytes, g, up, out);
}
