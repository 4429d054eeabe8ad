// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { InterconnectSpec } from '../types.js';

/** One 400 Gb/s RoCE NIC (Meta's Llama 3 405B cluster). */
export const roce400: InterconnectSpec = {
  id: 'roce-400',
  name: 'RoCE 400 Gb/s',
  scope: 'scale-out',
  nominalBidirectionalGBps: figure(
    100,
    'datasheet',
    'Llama 3 paper (arXiv:2407.21783) §3.3.1: "Both RoCE and Infiniband clusters leverage 400 Gbps interconnects between GPUs" → 50 GB/s each way',
  ),
  perDirectionGBps: figure(50, 'derived', '400 Gb/s / 8 bits per byte'),
  achievableFraction: figure(0.8, 'assumed', 'same effective fraction DeepSeek uses for 400G IB (40 of 50 GB/s)'),
  latencyUs: figure(10, 'assumed', 'RoCE fabrics: slightly higher per-step latency than IB'),
};
