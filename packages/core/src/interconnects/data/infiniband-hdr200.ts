// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { InterconnectSpec } from '../types.js';

/** One 200 Gb/s InfiniBand HDR (ConnectX-6) NIC, as in DGX A100. */
export const infinibandHdr200: InterconnectSpec = {
  id: 'infiniband-hdr200',
  name: 'InfiniBand HDR 200 Gb/s (ConnectX-6)',
  scope: 'scale-out',
  nominalBidirectionalGBps: figure(
    50,
    'datasheet',
    'NVIDIA DGX A100 system: 8 single-port ConnectX-6 200 Gb/s HDR NICs for compute (one per GPU); 200 Gb/s = 25 GB/s each way',
  ),
  perDirectionGBps: figure(25, 'derived', '200 Gb/s / 8 bits per byte'),
  achievableFraction: figure(0.8, 'assumed', 'same effective fraction DeepSeek uses for 400G IB (40 of 50 GB/s)'),
  latencyUs: figure(8, 'assumed', 'typical NCCL per-step latency across a fat-tree'),
};
