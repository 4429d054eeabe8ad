/**
 * A training/serving cluster as the collective cost functions see it: nodes of
 * `gpusPerNode` GPUs, one scale-up domain per node (NVLink) and a scale-out
 * fabric (InfiniBand / RoCE) between nodes. Bandwidths are per GPU and per
 * direction; `nominal` is the datasheet figure, `effective` what a large
 * collective achieves (nominal × measured/assumed achievable fraction).
 */
export interface LinkBandwidth {
  /** Interconnect id (catalog) or 'override'. */
  readonly id: string;
  readonly nominalGBpsPerDirection: number;
  readonly effectiveGBpsPerDirection: number;
  /** Per-step latency (alpha term) of a collective on this link. */
  readonly latencyUs: number;
}

export interface ClusterSpec {
  readonly gpuCount: number;
  readonly gpusPerNode: number;
  readonly nodes: number;
  /** Inside a node (per GPU). */
  readonly scaleUp: LinkBandwidth;
  /** Across nodes (per GPU: NIC bandwidth × NICs per GPU). */
  readonly scaleOut: LinkBandwidth;
}

/** What a caller may change about the catalog's cluster (what-if studies, tests). */
export interface ClusterOverrides {
  readonly gpusPerNode?: number;
  /** Multiplies the scale-out bandwidth (nominal and effective), e.g. 0.5 = half the NIC bandwidth. */
  readonly scaleOutBandwidthFactor?: number;
  /** Multiplies the scale-up bandwidth (nominal and effective). */
  readonly scaleUpBandwidthFactor?: number;
  /** Replaces the effective per-GPU per-direction scale-out bandwidth, GB/s. */
  readonly scaleOutEffectiveGBps?: number;
  /** Replaces the effective per-GPU per-direction scale-up bandwidth, GB/s. */
  readonly scaleUpEffectiveGBps?: number;
}

/** The bandwidth and latency a collective runs at over one kind of link. */
export interface CollectiveLink {
  readonly gbps: number;
  readonly latencyUs: number;
}
