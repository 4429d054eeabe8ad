// The figures and their sources live in data/*.ts, one file per GPU of the GPU catalog.
import type { DefaultRentalFigure, GpuPrice, PriceFigure } from './types.js';
import { a100Price } from './data/a100.js';
import { a800Price } from './data/a800.js';
import { b200Price } from './data/b200.js';
import { h100Price } from './data/h100.js';
import { h100Hbm2e500wPrice } from './data/h100-96gb-500w.js';
import { h20Price } from './data/h20.js';
import { h200Price } from './data/h200.js';
import { DEEPSEEK_H800_USD_PER_GPU_HOUR, h800Price } from './data/h800.js';
import { mi300xPrice } from './data/mi300x.js';

const PRICES: readonly GpuPrice[] = [h800Price, h100Price, h100Hbm2e500wPrice, h200Price, h20Price, a100Price, a800Price, b200Price, mi300xPrice];
const BY_ID = new Map(PRICES.map((p) => [p.gpuId, p]));

/**
 * For a GPU with no sourced rental price: DeepSeek's $2 per H800-hour, the one default the
 * planner used for every chip before prices were data. Its source says it is borrowed.
 */
const FALLBACK: PriceFigure = DEEPSEEK_H800_USD_PER_GPU_HOUR;

export function listGpuPrices(): readonly GpuPrice[] {
  return PRICES;
}

export function getGpuPrice(gpuId: string): GpuPrice | undefined {
  return BY_ID.get(gpuId);
}

/**
 * The USD per GPU-hour charged when a request gives no price, with its kind, source and date.
 * Undefined for a GPU outside the catalog.
 */
export function defaultRentalUsdPerGpuHour(gpuId: string): DefaultRentalFigure | undefined {
  const price = BY_ID.get(gpuId);
  if (!price) return undefined;
  const kind = price.defaultRentalKind;
  if (kind === 'catalogFallback') {
    return {
      ...FALLBACK,
      source: `no sourced rental price for ${gpuId}; catalog fallback borrows the H800 figure: ${FALLBACK.source}`,
      gpuId,
      rentalKind: kind,
      why: price.defaultRentalWhy,
    };
  }
  const figure = price.rentalUsdPerGpuHour[kind];
  if (!figure) throw new Error(`prices/data/${gpuId}.ts names ${kind} as the default but has no ${kind} figure`);
  return { ...figure, gpuId, rentalKind: kind, why: price.defaultRentalWhy };
}
