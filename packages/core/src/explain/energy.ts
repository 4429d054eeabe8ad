import type { Explanation } from '@gcp/contract';
import type { EnergyFactors } from '../cost/energy.js';
import { convert } from '../units/units.js';
import { explain } from './explanation.js';

const WH_PER_MWH = convert(1, 'MWh', 'Wh');

/** energy = GPUs × TDP × mean draw ÷ TDP × server W per GPU W × PUE × hours (cost/energy.ts's estimate, explained). */
export function explainEnergy(gpuCount: number, tdpW: number, factors: EnergyFactors, hours: number, energyMWh: number): Explanation | undefined {
  return explain(
    'Energy',
    'MWh = GPUs × TDP × mean draw ÷ TDP × server W per GPU W × PUE × hours ÷ 1,000,000 Wh/MWh',
    [
      ['GPUs', gpuCount, 'GPUs'],
      ['TDP', tdpW, 'W'],
      ['mean draw ÷ TDP', factors.gpuPowerShareOfTdp, 'fraction'],
      ['server W per GPU W', factors.serverPowerPerGpuWatt, 'ratio'],
      ['PUE', factors.pue, 'ratio'],
      ['hours', hours, 'h'],
      ['Wh per MWh', WH_PER_MWH, 'Wh/MWh'],
    ],
    energyMWh,
    'MWh',
  );
}
