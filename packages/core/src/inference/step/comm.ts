import type { GpuSpec } from '../../gpus/types.js';
import { effectiveGBpsPerDirection, requireInterconnect } from '../../interconnects/catalog.js';
import { allReduceSeconds } from '../../cluster/collectives.js';
import { expertAllToAll } from '../../cluster/expert-all-to-all.js';
import type { CollectiveLink } from '../../cluster/types.js';
import { convert } from '../../units/units.js';

/**
 * Collective times for serving (seconds), on the shared cluster functions
 * (src/cluster/collectives.ts, src/cluster/expert-all-to-all.ts) so that training and inference
 * use one implementation: ring all-reduce 2(n−1)/n·S/B + latency, EP dispatch and combine per
 * token per destination node with node-limited routing.
 */
export interface Links {
  readonly nvlink: CollectiveLink;
  readonly ib: CollectiveLink;
  /** Effective per-GPU per-direction scale-out bandwidth, bytes/s (KV loads from the disk cache). */
  readonly ibBps: number;
  readonly gpusPerNode: number;
}

const linkCache = new WeakMap<GpuSpec, Links>();

export function links(gpu: GpuSpec): Links {
  const hit = linkCache.get(gpu);
  if (hit) return hit;
  const up = requireInterconnect(gpu.scaleUpInterconnect);
  const out = requireInterconnect(gpu.scaleOutInterconnect);
  const ibGBps = effectiveGBpsPerDirection(out) * gpu.scaleOutNicsPerGpu.value;
  const l: Links = {
    nvlink: { gbps: effectiveGBpsPerDirection(up), latencyUs: up.latencyUs.value },
    ib: { gbps: ibGBps, latencyUs: out.latencyUs.value },
    ibBps: convert(ibGBps, 'GB', 'B'),
    gpusPerNode: gpu.gpusPerNode.value,
  };
  linkCache.set(gpu, l);
  return l;
}

/**
 * All-reduce of `bytes` among `n` GPUs, as engines run it: NVLink inside a node, the NIC across
 * nodes. Bandwidth term: the ring's 2(n−1)/n·S/B (src/cluster/collectives.ts); latency term
 * log-depth, 2·⌈log₂ n⌉·α, as NCCL's tree and the engines' custom all-reduce kernels reach for
 * the small messages of decode, instead of the ring's 2(n−1)·α (which the cluster function adds
 * for training-size messages, where it is negligible).
 */
export function allReduceS(l: Links, bytes: number, n: number): number {
  if (n <= 1 || bytes <= 0) return 0;
  const link = n <= l.gpusPerNode ? l.nvlink : l.ib;
  const bandwidthS = allReduceSeconds(bytes, n, { gbps: link.gbps, latencyUs: 0 });
  return bandwidthS + convert(2 * Math.ceil(Math.log2(n)) * link.latencyUs, 'us', 's');
}

/**
 * EP dispatch + combine of one MoE layer, seen from one GPU that originates `tokens` tokens
 * (src/cluster/expert-all-to-all.ts, once per direction with its own bytes per element).
 */
export function epAllToAllS(
  l: Links,
  args: {
    tokens: number;
    topK: number;
    numExperts: number;
    epRanks: number;
    hidden: number;
    dispatchBytesPerElement: number;
    combineBytesPerElement: number;
    routeGroups: number | null;
    routeGroupLimit: number | null;
  },
): number {
  if (args.epRanks <= 1 || args.tokens <= 0) return 0;
  const base = {
    tokens: args.tokens,
    hiddenSize: args.hidden,
    topK: args.topK,
    numExperts: args.numExperts,
    ep: args.epRanks,
    epPerNode: Math.min(l.gpusPerNode, args.epRanks),
    numGroups: args.routeGroups,
    topKGroups: args.routeGroupLimit,
    scaleUp: l.nvlink,
    scaleOut: l.ib,
  };
  return (
    expertAllToAll({ ...base, bytesPerElement: args.dispatchBytesPerElement }).seconds +
    expertAllToAll({ ...base, bytesPerElement: args.combineBytesPerElement }).seconds
  );
}
