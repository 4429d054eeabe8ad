import { convert } from '../units/units.js';
import type { GpuSpec } from '../gpus/types.js';
import { effectiveGBpsPerDirection, requireInterconnect } from '../interconnects/catalog.js';

/**
 * Collective times for serving (seconds). Kept inside src/inference until the shared cluster
 * module (packages/core/src/cluster) offers the same functions; formulas follow DESIGN.md:
 * ring all-reduce 2(n-1)/n·S/B plus a latency term, EP all-to-all per token per chosen expert
 * with node-limited routing counting one cross-node copy per destination node.
 */

interface Links {
  readonly nvlinkBps: number;
  readonly nvlinkLatencyS: number;
  readonly ibBps: number;
  readonly ibLatencyS: number;
  readonly gpusPerNode: number;
}

const linkCache = new WeakMap<GpuSpec, Links>();

export function links(gpu: GpuSpec): Links {
  const hit = linkCache.get(gpu);
  if (hit) return hit;
  const up = requireInterconnect(gpu.scaleUpInterconnect);
  const out = requireInterconnect(gpu.scaleOutInterconnect);
  const l: Links = {
    nvlinkBps: convert(effectiveGBpsPerDirection(up), 'GB', 'B'),
    nvlinkLatencyS: convert(up.latencyUs.value, 'us', 's'),
    ibBps: convert(effectiveGBpsPerDirection(out) * gpu.scaleOutNicsPerGpu.value, 'GB', 'B'),
    ibLatencyS: convert(out.latencyUs.value, 'us', 's'),
    gpusPerNode: gpu.gpusPerNode.value,
  };
  linkCache.set(gpu, l);
  return l;
}

/** All-reduce of `bytes` among `n` GPUs (ring bandwidth term; log-depth latency term for small messages). */
export function allReduceS(l: Links, bytes: number, n: number): number {
  if (n <= 1) return 0;
  const inNode = n <= l.gpusPerNode;
  const bw = inNode ? l.nvlinkBps : l.ibBps;
  const lat = inNode ? l.nvlinkLatencyS : l.ibLatencyS;
  return (2 * (n - 1) / n) * bytes / bw + 2 * Math.ceil(Math.log2(n)) * lat;
}

/**
 * EP dispatch + combine of one MoE layer, seen from one GPU that originates `tokens` tokens.
 * Each token goes to `topK` experts spread over `epRanks` GPUs (`gpusPerNode` per node).
 * Cross-node: one copy per distinct remote node (capped by node-limited routing `nodeLimit`),
 * forwarded over NVLink at the destination; in-node copies go over NVLink.
 */
export function epAllToAllS(l: Links, args: { tokens: number; topK: number; epRanks: number; hidden: number; dispatchBytesPerElement: number; combineBytesPerElement: number; nodeLimit: number | null }): number {
  const { tokens, topK, epRanks, hidden } = args;
  if (epRanks <= 1 || tokens <= 0) return 0;
  const perNode = Math.min(l.gpusPerNode, epRanks);
  const nodes = Math.ceil(epRanks / perNode);
  // expected distinct nodes among topK uniform picks, minus our own, capped by node-limited routing
  let remoteNodes = nodes > 1 ? (nodes - 1) * (1 - Math.pow(1 - 1 / nodes, topK)) : 0;
  if (args.nodeLimit !== null) remoteNodes = Math.min(remoteNodes, args.nodeLimit);
  const inNodeCopies = topK * (perNode - 1) / epRanks;
  const forwardedCopies = topK * (1 - perNode / epRanks); // remote experts reached by NVLink forwarding at the destination
  const bytesPerCopy = hidden * (args.dispatchBytesPerElement + args.combineBytesPerElement);
  const ibS = nodes > 1 ? tokens * remoteNodes * bytesPerCopy / l.ibBps + 2 * l.ibLatencyS : 0;
  const nvS = tokens * (inNodeCopies + forwardedCopies) * bytesPerCopy / l.nvlinkBps + 2 * l.nvlinkLatencyS;
  return Math.max(ibS, nvS);
}
