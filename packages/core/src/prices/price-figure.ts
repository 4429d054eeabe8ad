// Constructors for price figures and the dated exchange rates the yuan prices are converted with.
import type { FigureKind } from '../units/figure.js';
import type { CnyPerUsdFigure, PriceFigure } from './types.js';

export function priceFigure(value: number, kind: FigureKind, source: string, date: string, rangeUsd?: readonly [number, number]): PriceFigure {
  return rangeUsd === undefined ? { value, kind, source, date } : { value, kind, source, date, rangeUsd };
}

/** The midpoint of a sourced USD range, a derived figure that keeps the range. */
export function rangeMidpoint(lowUsd: number, highUsd: number, source: string, date: string): PriceFigure {
  const value = (lowUsd + highUsd) / 2;
  return priceFigure(value, 'derived', `${source}; derived: midpoint (${lowUsd} + ${highUsd}) / 2 = ${value}`, date, [lowUsd, highUsd]);
}

const usd = (cny: number, fx: CnyPerUsdFigure): number => Math.round(cny / fx.value);
const fxNote = (fx: CnyPerUsdFigure): string => `${fx.value} CNY/USD (${fx.date}, ${fx.source})`;

/** A yuan price converted at a named, dated rate; rounded to the dollar. */
export function cnyToUsd(cny: number, fx: CnyPerUsdFigure, source: string, date: string): PriceFigure {
  return priceFigure(usd(cny, fx), 'derived', `${source}; derived: ${cny} CNY / ${fxNote(fx)} = $${usd(cny, fx)}`, date);
}

/** A yuan range converted at a named, dated rate; value is the converted midpoint, range the converted ends. */
export function cnyRangeToUsd(lowCny: number, highCny: number, fx: CnyPerUsdFigure, source: string, date: string): PriceFigure {
  const mid = (lowCny + highCny) / 2;
  return priceFigure(
    usd(mid, fx),
    'derived',
    `${source}; derived: midpoint ${mid} CNY / ${fxNote(fx)} = $${usd(mid, fx)} (range ${lowCny}-${highCny} CNY)`,
    date,
    [usd(lowCny, fx), usd(highCny, fx)],
  );
}

// CFETS central parity rates (yuan per US dollar), each on a date next to the prices it converts.
export const CNY_PER_USD_2023_05_25 = priceFigure(
  7.0529,
  'measured',
  'CFETS central parity, Xinhua "Market exchange rates in China -- May 25" (johannesburglife.com/news/273842111): "U.S. dollar 100 705.29"',
  '2023-05-25',
);
export const CNY_PER_USD_2023_10_23 = priceFigure(
  7.1792,
  'measured',
  'CFETS central parity via APP/UrduPoint 2023-10-23: "strengthened 1 pip to 7.1792 against the U.S. Dollar"',
  '2023-10-23',
);
export const CNY_PER_USD_2024_07_18 = priceFigure(
  7.1285,
  'measured',
  'CFETS central parity via Xinhua (bignewsnetwork.com/news/274460422): "strengthened 33 pips to 7.1285"',
  '2024-07-18',
);
export const CNY_PER_USD_2026_01_08 = priceFigure(
  7.0197,
  'measured',
  'CFETS central parity via MENAFN 2026-01-08: "declined 10 pips to 7.0197 versus the U.S. dollar"',
  '2026-01-08',
);
