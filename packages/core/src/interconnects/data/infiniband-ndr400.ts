// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { InterconnectSpec } from '../types.js';

/** One 400 Gb/s InfiniBand NDR (ConnectX-7) NIC. Per-GPU bandwidth = this x scaleOutNicsPerGpu. */
export const infinibandNdr400: InterconnectSpec = {
  id: 'infiniband-ndr400',
  name: 'InfiniBand NDR 400 Gb/s (ConnectX-7)',
  scope: 'scale-out',
  nominalBidirectionalGBps: figure(
    100,
    'datasheet',
    '400 Gb/s per direction = 50 GB/s each way (DeepSeek-V3 report §3.2.2: "IB (50 GB/s)"; ISCA\'25 §4.3 "each 400Gbps IB NIC delivers only 50GB/s")',
  ),
  perDirectionGBps: figure(50, 'datasheet', "DeepSeek-V3 report §3.2.2 and ISCA'25 §4.3: 50 GB/s per 400G NIC"),
  achievableFraction: figure(
    0.8,
    'measured',
    'ISCA\'25 §4.3: "we consider small message size and latency influence, use 40GB/s for effective bandwidth" → 40/50',
  ),
  latencyUs: figure(8, 'assumed', 'typical NCCL per-step latency across a two-layer fat-tree (several microseconds)'),
};
