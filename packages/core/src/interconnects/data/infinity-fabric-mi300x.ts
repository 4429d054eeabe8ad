// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { InterconnectSpec } from '../types.js';

/** AMD Infinity Fabric on an 8x MI300X platform: a full mesh of 7 links per GPU, no switch. */
export const infinityFabricMi300x: InterconnectSpec = {
  id: 'infinity-fabric-mi300x',
  name: 'AMD Infinity Fabric (8-GPU full mesh)',
  scope: 'scale-up',
  nominalBidirectionalGBps: figure(
    896,
    'datasheet',
    'published-figures.json MI300X "infinity_fabric_GBps": 896 (7 links x 128 GB/s, secondary pages citing AMD)',
  ),
  perDirectionGBps: figure(448, 'derived', 'nominalBidirectionalGBps / 2; with a full mesh only all-to-all patterns use every link at once'),
  achievableFraction: figure(
    0.7,
    'assumed',
    'mesh links are point-to-point (64 GB/s each way); ring collectives use 2 of 7 links unless multi-ring RCCL algorithms spread traffic; 0.7 is a planner assumption',
  ),
  latencyUs: figure(4, 'assumed', 'typical RCCL per-step latency inside a node'),
};
