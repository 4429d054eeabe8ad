// Sources: every figure names its source and date (priceFigure(value, kind, source, date)).
import { priceFigure, rangeMidpoint } from '../price-figure.js';
import type { GpuPrice } from '../types.js';

const CLIFF = 'cliffcenter.com/research/amd-inference-economics, research note 2026-05-18 (secondary)';

export const mi300xPrice: GpuPrice = {
  gpuId: 'mi300x',
  rentalUsdPerGpuHour: {
    hyperscalerOnDemand: priceFigure(6, 'measured', `${CLIFF}: MI300X "at Azure ($6/hr) and Oracle ($6/hr) where MI300X is listed at H200 prices"`, '2026-05'),
    neocloud: priceFigure(1.5, 'measured', `${CLIFF}: "MI300X rents for $1.50/GPU-hr at TensorWave", $1.71 Crusoe spot, $1.85 Vultr`, '2026-05', [1.5, 1.85]),
    // No sourced reserved MI300X rate.
  },
  defaultRentalKind: 'neocloud',
  defaultRentalWhy: 'the on-demand rate at the specialised clouds that carry most MI300X rental capacity; the Azure/Oracle list is priced at H200 level',
  gpuUsd: rangeMidpoint(
    10_000,
    15_000,
    'Citigroup (Christopher Danely) via svethardware.cz (2024-02): average MI300X price between $10,000 and $15,000, the lower figure for Microsoft (secondary); awesomeagents.ai: "Street pricing around $10,000-$15,000"',
    '2024-02',
  ),
  // serverUsd: no sourced 8x MI300X server price.
};
