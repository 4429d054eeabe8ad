// Sources: every figure names its source and date (priceFigure(value, kind, source, date)).
import { priceFigure, rangeMidpoint } from '../price-figure.js';
import type { GpuPrice } from '../types.js';

export const b200Price: GpuPrice = {
  gpuId: 'b200',
  rentalUsdPerGpuHour: {
    neocloud: rangeMidpoint(
      3.75,
      6.0,
      'B200 on-demand at specialised clouds $3.75-6.00 per GPU-hour: packet.ai blog (B200 SXM from $3.75/hr) and lyceum.technology 2026-03-11 (secondary, vendor marketing, volatile)',
      '2026',
    ),
    // No sourced hyperscaler on-demand or reserved B200 rate.
  },
  defaultRentalKind: 'neocloud',
  defaultRentalWhy: 'the only sourced B200 rental figure',
  gpuUsd: rangeMidpoint(
    30_000,
    40_000,
    'Morgan Stanley analyst via geektopia.es 2024-09-25: a Blackwell unit "costaría entre 30 000 y 40 000 dólares" (secondary); fourweekmba.com and siliconanalysts.com give $30,000-$40,000 and ~$40,000',
    '2024-09',
  ),
  serverUsd: priceFigure(
    515_000,
    'measured',
    'NVIDIA DGX B200 (8x B200, 2x Xeon 8570, 8x ConnectX-7) price "$515K", vengineer.hatenablog.com 2025-03-16 (secondary)',
    '2025-03',
  ),
};
