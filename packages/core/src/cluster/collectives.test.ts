import { describe, expect, it } from 'vitest';
import { getGpu } from '../gpus/catalog.js';
import { buildCluster, groupPlacement } from './cluster.js';
import { allReduceSeconds, allGatherSeconds, hierarchicalAllReduceSeconds, reduceScatterSeconds } from './collectives.js';
import { expectedDestinationNodes, expertAllToAll } from './expert-all-to-all.js';

const link = { gbps: 100, latencyUs: 0 };

describe('collectives', () => {
  it('ring all-reduce moves 2(n-1)/n of the buffer; reduce-scatter and all-gather half of that', () => {
    const bytes = 8e9;
    expect(allReduceSeconds(bytes, 8, link)).toBeCloseTo((((2 * 7) / 8) * 8e9) / 100e9, 9);
    expect(reduceScatterSeconds(bytes, 8, link)).toBeCloseTo(((7 / 8) * 8e9) / 100e9, 9);
    expect(allGatherSeconds(bytes, 8, link)).toBeCloseTo(reduceScatterSeconds(bytes, 8, link), 12);
    expect(allReduceSeconds(bytes, 1, link)).toBe(0);
  });

  it('hierarchical all-reduce moves only 1/k of the buffer across nodes', () => {
    const up = { gbps: 160, latencyUs: 0 },
      out = { gbps: 40, latencyUs: 0 };
    const flat = allReduceSeconds(1e9, 64, out);
    const hier = hierarchicalAllReduceSeconds(1e9, { perNode: 8, nodes: 8 }, up, out);
    expect(hier).toBeLessThan(flat);
  });

  it('H800 cluster: 160 GB/s effective NVLink and 40 GB/s effective IB per GPU, nominal kept apart', () => {
    const c = buildCluster(getGpu('h800')!, 2048);
    expect(c.scaleUp.nominalGBpsPerDirection).toBe(200);
    expect(c.scaleUp.effectiveGBpsPerDirection).toBeCloseTo(160, 9);
    expect(c.scaleOut.effectiveGBpsPerDirection).toBeCloseTo(40, 9);
    expect(c.nodes).toBe(256);
    expect(buildCluster(getGpu('h800')!, 2048, { scaleOutBandwidthFactor: 0.5 }).scaleOut.effectiveGBpsPerDirection).toBeCloseTo(20, 9);
  });

  it('group placement follows the rank stride', () => {
    expect(groupPlacement(8, 1, 8)).toEqual({ perNode: 8, nodes: 1 });
    expect(groupPlacement(64, 1, 8)).toEqual({ perNode: 8, nodes: 8 });
    expect(groupPlacement(128, 8, 8)).toEqual({ perNode: 1, nodes: 128 });
  });
});

describe('expert all-to-all with node-limited routing', () => {
  it('DeepSeek-V3 (8 groups, top-4 groups, EP64 over 8 nodes) reaches exactly 4 nodes per token', () => {
    expect(expectedDestinationNodes(8, 256, 8, 8, 4)).toBeCloseTo(4, 9);
    // without the group limit, 8 experts spread over more nodes
    expect(expectedDestinationNodes(8, 256, 8, null, null)).toBeGreaterThan(4);
  });

  it('cross-node traffic is per destination node: 3.5 remote copies per token for V3', () => {
    const up = { gbps: 160, latencyUs: 0 },
      out = { gbps: 40, latencyUs: 0 };
    const r = expertAllToAll({
      tokens: 4096,
      hiddenSize: 7168,
      topK: 8,
      numExperts: 256,
      ep: 64,
      epPerNode: 8,
      numGroups: 8,
      topKGroups: 4,
      bytesPerElement: 1,
      scaleUp: up,
      scaleOut: out,
    });
    expect(r.scaleOutBytes).toBeCloseTo(4096 * 3.5 * 7168, 0);
    expect(r.bottleneck).toBe('scale-out');
    expect(r.seconds).toBeCloseTo((4096 * 3.5 * 7168) / 40e9, 9);
  });

  it('inside one node the all-to-all runs on NVLink only', () => {
    const up = { gbps: 160, latencyUs: 0 },
      out = { gbps: 40, latencyUs: 0 };
    const r = expertAllToAll({
      tokens: 1000,
      hiddenSize: 1000,
      topK: 2,
      numExperts: 8,
      ep: 8,
      epPerNode: 8,
      numGroups: null,
      topKGroups: null,
      bytesPerElement: 2,
      scaleUp: up,
      scaleOut: out,
    });
    expect(r.scaleOutBytes).toBe(0);
    expect(r.bottleneck).toBe('scale-up');
  });
});
