import type { Figure } from '../units/figure.js';

/**
 * A sourced price: a Figure (value, kind, source) plus the date it was observed or published.
 * Kinds, for prices:
 *  - datasheet: the seller's own list price (a cloud pricing page, a vendor system list price),
 *    possibly read through a mirror or a secondary page, said in `source`
 *  - measured: a market price somebody observed and reported (press, analysts, dealers, quotes)
 *  - derived: computed from sourced figures (currency conversion, per-GPU from per-instance,
 *    midpoint of a sourced range); `source` gives the formula
 *  - assumed: a price a published cost accounting assumed (DeepSeek's $2 per H800-hour)
 * Every PriceFigure is a Figure, so code that reads figures reads prices unchanged.
 */
export interface PriceFigure extends Figure<number> {
  /** When the price held: an ISO date, a month (YYYY-MM) or a span, as the source allows. */
  readonly date: string;
  /** The sourced low and high where the source gives a range; `source` says how `value` was taken from it. */
  readonly rangeUsd?: readonly [number, number];
}

/** An exchange rate (CNY per USD) is a figure with a date too; `value` is yuan per dollar. */
export type CnyPerUsdFigure = PriceFigure;

/**
 * Rental kinds, USD per GPU-hour:
 *  - hyperscalerOnDemand: AWS / Azure / GCP on-demand list
 *  - reserved: 1-3 year commitments or capacity blocks
 *  - neocloud: on-demand at specialised GPU clouds (Lambda, TensorWave, ...)
 *  - publishedAssumption: the rental rate a published cost accounting assumed (not a quote)
 */
export type RentalKind = 'hyperscalerOnDemand' | 'reserved' | 'neocloud' | 'publishedAssumption';

/**
 * The default for a request that gives no price: one of the rental kinds, or `catalogFallback`
 * for a GPU with no sourced rental price at all (see prices/catalog.ts).
 */
export type DefaultRentalKind = RentalKind | 'catalogFallback';

export type RentalUsdPerGpuHour = { readonly [K in RentalKind]?: PriceFigure };

export interface GpuPrice {
  /** The GPU catalog id (gpus/data/<id>.ts); TDP and specs live there, not here. */
  readonly gpuId: string;
  /** Each kind present only where a source exists. */
  readonly rentalUsdPerGpuHour: RentalUsdPerGpuHour;
  readonly defaultRentalKind: DefaultRentalKind;
  /** Why that kind is the default. */
  readonly defaultRentalWhy: string;
  /** Purchase price of one GPU, where sourced. */
  readonly gpuUsd?: PriceFigure;
  /** Purchase price of one 8-GPU server / node (GPUs, CPUs, NICs), where sourced. */
  readonly serverUsd?: PriceFigure;
}

/** The figure a request without a price is charged, with where it came from. */
export interface DefaultRentalFigure extends PriceFigure {
  readonly gpuId: string;
  readonly rentalKind: DefaultRentalKind;
  readonly why: string;
}
