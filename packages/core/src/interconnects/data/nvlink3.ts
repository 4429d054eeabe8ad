// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { InterconnectSpec } from '../types.js';

/** NVLink 3 + NVSwitch (HGX A100). */
export const nvlink3: InterconnectSpec = {
  id: 'nvlink3',
  name: 'NVLink 3 (12 links) + NVSwitch',
  scope: 'scale-up',
  nominalBidirectionalGBps: figure(600, 'datasheet', 'NVIDIA A100 datasheet via glennklockwood.com/garden/processors/A100: "300+300 GB/s NVLink"'),
  perDirectionGBps: figure(300, 'derived', 'nominalBidirectionalGBps / 2'),
  achievableFraction: figure(0.8, 'assumed', 'same achieved fraction as measured on NVLink 4 by DeepSeek (160 of 200 GB/s)'),
  latencyUs: figure(3, 'assumed', 'typical NCCL per-step latency inside an NVSwitch node'),
};
