import type { Explanations } from '@gcp/contract';
import { explain, explanations } from './explanation.js';

export interface OwnershipFigures {
  readonly gpuCount: number;
  readonly capexUsd: number;
  readonly capex: { readonly servers: number; readonly networking: number; readonly storage: number };
  readonly perYear: { readonly depreciation: number; readonly power: number; readonly facility: number; readonly staff: number };
  readonly hoursPerYear: number;
  readonly lifetimeUtilization: number;
  readonly usefulGpuHoursPerYear: number;
  readonly own: number;
  readonly rent: number;
  readonly runGpuHours?: number;
  readonly runCostUsd?: { readonly own: number; readonly rent: number };
  readonly runningPerMonthUsd: number;
  readonly rentPerMonthUsd: number;
  readonly breakEvenMonths: number | null;
}

/** Capex, the owned and rented GPU-hour, the run both ways and the break-even month, each with its formula. */
export function explainOwnership(f: OwnershipFigures): Explanations {
  const run = f.runGpuHours;
  return explanations({
    capexUsd: explain(
      'Capex',
      'capex = servers + network + storage',
      [
        ['servers', f.capex.servers, 'USD'],
        ['network', f.capex.networking, 'USD'],
        ['storage', f.capex.storage, 'USD'],
      ],
      f.capexUsd,
      'USD',
    ),
    'effectiveUsdPerGpuHour.own': explain(
      'Own: USD per useful GPU-hour',
      'own $/GPU-h = (depreciation + power + facility + staff per year) ÷ (GPUs × hours per year × lifetime utilisation)',
      [
        ['depreciation per year', f.perYear.depreciation, 'USD/year'],
        ['power per year', f.perYear.power, 'USD/year'],
        ['facility per year', f.perYear.facility, 'USD/year'],
        ['staff per year', f.perYear.staff, 'USD/year'],
        ['GPUs', f.gpuCount, 'GPUs'],
        ['hours per year', f.hoursPerYear, 'h'],
        ['lifetime utilisation', f.lifetimeUtilization, 'fraction'],
      ],
      f.own,
      'USD/GPU-h',
    ),
    'runCostUsd.own':
      run !== undefined && f.runCostUsd
        ? explain(
            'The run, owned',
            'run cost = run GPU-hours × own $/GPU-h',
            [
              ['run GPU-hours', run, 'GPU-h'],
              ['own $/GPU-h', f.own, 'USD/GPU-h'],
            ],
            f.runCostUsd.own,
            'USD',
          )
        : undefined,
    'runCostUsd.rent':
      run !== undefined && f.runCostUsd
        ? explain(
            'The run, rented',
            'run cost = run GPU-hours × rental $/GPU-h',
            [
              ['run GPU-hours', run, 'GPU-h'],
              ['rental $/GPU-h', f.rent, 'USD/GPU-h'],
            ],
            f.runCostUsd.rent,
            'USD',
          )
        : undefined,
    breakEvenMonths:
      f.breakEvenMonths === null
        ? undefined
        : explain(
            'Break-even',
            'break-even = first whole month m with capex + running cost × m ≤ rent × m, i.e. ⌈capex ÷ (rent per month − running cost per month)⌉',
            [
              ['capex', f.capexUsd, 'USD'],
              ['rent per month (same useful GPU-hours)', f.rentPerMonthUsd, 'USD/month'],
              ['running cost per month (power, facility, staff)', f.runningPerMonthUsd, 'USD/month'],
            ],
            f.breakEvenMonths,
            'months',
          ),
  });
}
