import type { GpuSpec } from '../gpus/types.js';
import { requireInterconnect } from '../interconnects/catalog.js';
import type { ClusterOverrides, ClusterSpec, CollectiveLink, LinkBandwidth } from './types.js';

/** Build the cluster a GPU catalog entry implies for `gpuCount` GPUs, with optional what-if overrides. */
export function buildCluster(gpu: GpuSpec, gpuCount: number, overrides: ClusterOverrides = {}): ClusterSpec {
  const gpusPerNode = Math.max(1, Math.min(gpuCount, overrides.gpusPerNode ?? gpu.gpusPerNode.value));
  const up = requireInterconnect(gpu.scaleUpInterconnect);
  const out = requireInterconnect(gpu.scaleOutInterconnect);
  const nics = gpu.scaleOutNicsPerGpu.value;
  const upFactor = overrides.scaleUpBandwidthFactor ?? 1;
  const outFactor = overrides.scaleOutBandwidthFactor ?? 1;
  const scaleUp: LinkBandwidth = {
    id: up.id,
    nominalGBpsPerDirection: up.perDirectionGBps.value * upFactor,
    effectiveGBpsPerDirection: overrides.scaleUpEffectiveGBps ?? up.perDirectionGBps.value * up.achievableFraction.value * upFactor,
    latencyUs: up.latencyUs.value,
  };
  const scaleOut: LinkBandwidth = {
    id: out.id,
    nominalGBpsPerDirection: out.perDirectionGBps.value * nics * outFactor,
    effectiveGBpsPerDirection: overrides.scaleOutEffectiveGBps ?? out.perDirectionGBps.value * out.achievableFraction.value * nics * outFactor,
    latencyUs: out.latencyUs.value,
  };
  return { gpuCount, gpusPerNode, nodes: Math.ceil(gpuCount / gpusPerNode), scaleUp, scaleOut };
}

export function scaleUpLink(c: ClusterSpec): CollectiveLink {
  return { gbps: c.scaleUp.effectiveGBpsPerDirection, latencyUs: c.scaleUp.latencyUs };
}

export function scaleOutLink(c: ClusterSpec): CollectiveLink {
  return { gbps: c.scaleOut.effectiveGBpsPerDirection, latencyUs: c.scaleOut.latencyUs };
}

/**
 * How a communication group of `size` ranks sits on the nodes when consecutive
 * ranks differ by `stride` GPUs (Megatron rank order: tp fastest, then cp, dp/ep, pp).
 * Returns members per node (k) and nodes spanned (size / k).
 */
export function groupPlacement(size: number, stride: number, gpusPerNode: number): { readonly perNode: number; readonly nodes: number } {
  if (size <= 1) return { perNode: 1, nodes: 1 };
  const fit = stride >= gpusPerNode ? 1 : Math.max(1, Math.floor(gpusPerNode / stride));
  let perNode = Math.min(size, fit);
  while (perNode > 1 && size % perNode !== 0) perNode--;
  return { perNode, nodes: size / perNode };
}
