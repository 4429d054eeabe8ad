// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { InterconnectSpec } from '../types.js';

/** NVLink on A800: export-control variant of NVLink 3. */
export const nvlink3A800: InterconnectSpec = {
  id: 'nvlink3-a800',
  name: 'NVLink 3, export-limited (A800)',
  scope: 'scale-up',
  nominalBidirectionalGBps: figure(400, 'datasheet', 'aiwiki.ai/wiki/nvidia_a800 (secondary): "NVLink ... reduced from 600 GB/s to 400 GB/s"'),
  perDirectionGBps: figure(200, 'derived', 'nominalBidirectionalGBps / 2'),
  achievableFraction: figure(0.8, 'assumed', 'same achieved fraction as measured on NVLink 4 by DeepSeek (160 of 200 GB/s)'),
  latencyUs: figure(3, 'assumed', 'typical NCCL per-step latency inside an NVSwitch node'),
};
