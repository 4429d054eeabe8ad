// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { InterconnectSpec } from '../types.js';

/** NVLink 5 + NVSwitch (HGX B200). */
export const nvlink5: InterconnectSpec = {
  id: 'nvlink5',
  name: 'NVLink 5 (18 links) + NVSwitch',
  scope: 'scale-up',
  nominalBidirectionalGBps: figure(1800, 'datasheet', 'glennklockwood.com/garden/processors/B200 (cites NVIDIA): "2x 900 GB/s NVLink 5"'),
  perDirectionGBps: figure(900, 'derived', 'nominalBidirectionalGBps / 2'),
  achievableFraction: figure(0.8, 'assumed', 'same achieved fraction as measured on NVLink 4 by DeepSeek (160 of 200 GB/s)'),
  latencyUs: figure(3, 'assumed', 'typical NCCL per-step latency inside an NVSwitch node'),
};
