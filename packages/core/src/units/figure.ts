/**
 * A sourced figure: every number in the catalogs carries where it came from and
 * what kind of number it is.
 *  - datasheet: a vendor specification (possibly read through a secondary page, said in `source`)
 *  - measured: a number somebody measured and published (e.g. DeepSeek's 160 GB/s effective NVLink)
 *  - derived: computed from other sourced figures; `source` gives the formula
 *  - assumed: a planner assumption with its reason
 */
export type FigureKind = 'datasheet' | 'measured' | 'derived' | 'assumed';

export interface Figure<T = number> {
  readonly value: T;
  readonly kind: FigureKind;
  readonly source: string;
}

export function figure<T>(value: T, kind: FigureKind, source: string): Figure<T> {
  return { value, kind, source };
}
