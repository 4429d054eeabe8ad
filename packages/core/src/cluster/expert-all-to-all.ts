import { convert } from '../units/units.js';
import type { CollectiveLink } from './types.js';

/**
 * Expert-parallel dispatch / combine (one direction each), the way DeepSeek-V3
 * describes it (V3 report §3.2.2; ISCA'25 §4.3):
 *  - A token goes to `topK` experts. EP ranks span `epNodes` nodes.
 *  - Node-limited routing: experts are split into `numGroups` groups and a token may
 *    use only `topKGroups` of them; when groups map onto nodes, a token reaches at most
 *    that many nodes. The scale-out traffic is then per *destination node*, not per
 *    expert: one copy crosses the fabric and is forwarded over NVLink to the GPUs that
 *    hold the chosen experts.
 *  - Time = max(scale-out bytes / NIC bandwidth, NVLink bytes / NVLink bandwidth) + α
 *    (both stages are pipelined), all per GPU.
 * Dispatch and combine differ only by `bytesPerElement` (V3: FP8 dispatch with a 4-byte
 * scale per 128 values, BF16 combine). Backward passes move gradients the other way
 * with the same traffic shape.
 */
export interface ExpertAllToAllInput {
  /** Tokens leaving this GPU (its share of the micro-batch). */
  readonly tokens: number;
  readonly hiddenSize: number;
  readonly topK: number;
  readonly numExperts: number;
  /** Expert-parallel group size. */
  readonly ep: number;
  /** EP ranks per node (≤ GPUs per node). */
  readonly epPerNode: number;
  /** Expert groups and groups a token may use (node-limited routing); null = unrestricted. */
  readonly numGroups: number | null;
  readonly topKGroups: number | null;
  /** Bytes per element on the wire, scales included. */
  readonly bytesPerElement: number;
  readonly scaleUp: CollectiveLink;
  readonly scaleOut: CollectiveLink;
}

export interface ExpertAllToAllCost {
  readonly seconds: number;
  /** Expected distinct nodes one token is sent to (its own included). */
  readonly destinationNodesPerToken: number;
  readonly scaleOutBytes: number;
  readonly scaleUpBytes: number;
  /** Which link sets the time. */
  readonly bottleneck: 'scale-up' | 'scale-out' | 'none';
}

/** C(a, r) / C(b, r) for a ≤ b, as a running product (probability that r draws from b items all avoid b − a of them). */
function chooseRatio(a: number, b: number, r: number): number {
  if (r > a) return 0;
  let p = 1;
  for (let i = 0; i < r; i++) p *= (a - i) / (b - i);
  return p;
}

/**
 * Expected number of distinct nodes (out of `nodes`) a token's experts live on.
 * With node-aligned groups: `topKGroups` of `numGroups` groups are chosen, `numGroups/nodes`
 * per node. Without: `topK` distinct experts of `numExperts`, `numExperts/nodes` per node.
 */
export function expectedDestinationNodes(nodes: number, numExperts: number, topK: number, numGroups: number | null, topKGroups: number | null): number {
  if (nodes <= 1) return 1;
  const k = Math.min(topK, numExperts);
  if (numGroups !== null && topKGroups !== null && numGroups >= nodes && numGroups % nodes === 0) {
    const perNode = numGroups / nodes;
    const groupBound = nodes * (1 - chooseRatio(numGroups - perNode, numGroups, Math.min(topKGroups, numGroups)));
    const expertBound = nodes * (1 - chooseRatio(numExperts - numExperts / nodes, numExperts, k));
    return Math.min(groupBound, expertBound, k);
  }
  return nodes * (1 - chooseRatio(numExperts - numExperts / nodes, numExperts, k));
}

export function expertAllToAll(input: ExpertAllToAllInput): ExpertAllToAllCost {
  const { tokens, hiddenSize: h, topK, numExperts, ep, bytesPerElement: b } = input;
  if (ep <= 1 || tokens <= 0) return { seconds: 0, destinationNodesPerToken: 1, scaleOutBytes: 0, scaleUpBytes: 0, bottleneck: 'none' };
  const perNode = Math.max(1, Math.min(input.epPerNode, ep));
  const nodes = Math.max(1, Math.round(ep / perNode));
  const tokenBytes = h * b;
  if (nodes <= 1) {
    // all inside one node: every expert copy not local crosses NVLink
    const bytes = (tokens * topK * tokenBytes * (ep - 1)) / ep;
    const seconds = bytes / convert(input.scaleUp.gbps, 'GB', 'B') + convert(input.scaleUp.latencyUs, 'us', 's');
    return { seconds, destinationNodesPerToken: 1, scaleOutBytes: 0, scaleUpBytes: bytes, bottleneck: 'scale-up' };
  }
  const dest = expectedDestinationNodes(nodes, numExperts, topK, input.numGroups, input.topKGroups);
  const remoteNodes = (dest * (nodes - 1)) / nodes;
  const scaleOutBytes = tokens * remoteNodes * tokenBytes;
  // on arrival (and for the local node) copies fan out to the GPUs holding the experts
  const scaleUpBytes = (tokens * topK * tokenBytes * (perNode - 1)) / perNode;
  const outS = scaleOutBytes / convert(input.scaleOut.gbps, 'GB', 'B');
  const upS = scaleUpBytes / convert(input.scaleUp.gbps, 'GB', 'B');
  const seconds = Math.max(outS, upS) + convert(input.scaleOut.latencyUs, 'us', 's');
  return { seconds, destinationNodesPerToken: dest, scaleOutBytes, scaleUpBytes, bottleneck: outS >= upS ? 'scale-out' : 'scale-up' };
}
