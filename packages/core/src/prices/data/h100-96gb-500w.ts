// Sources: every figure names its source and date (priceFigure(value, kind, source, date)).
import type { GpuPrice } from '../types.js';

export const h100Hbm2e500wPrice: GpuPrice = {
  gpuId: 'h100-96gb-500w',
  // Meta's Grand Teton part: no cloud rents it and no dealer sells it, so no sourced price exists.
  rentalUsdPerGpuHour: {},
  defaultRentalKind: 'catalogFallback',
  defaultRentalWhy:
    "no rental market for Meta's 96 GB / 500 W H100; the catalog fallback (DeepSeek's $2 H800 assumption) applies. Give pricePerGpuHourUsd, or plan on h100 for market prices",
};
