import type { Explanation, Explanations } from '@gcp/contract';
import { convert } from '../units/units.js';

/** Seconds per hour, as the GPU-hour formulas show it (3,600 s/h). */
export const SECONDS_PER_HOUR = convert(1, 'h', 's');

/** One input of a formula: its name as the formula spells it, its value and unit. */
export type ExplanationInput = readonly [name: string, value: number, unit: string];

/**
 * How a headline number came about: the formula in words, the actual values that went into it and
 * the result (the response's own number, never recomputed for show). Undefined when a value or
 * the result is not finite (an infeasible pool): the API never sends NaN or Infinity, and a
 * formula over an infinite count explains nothing.
 */
export function explain(label: string, formula: string, inputs: readonly ExplanationInput[], result: number, unit: string): Explanation | undefined {
  if (!Number.isFinite(result) || inputs.some(([, value]) => !Number.isFinite(value))) return undefined;
  return { label, formula, values: inputs.map(([name, value, valueUnit]) => ({ name, value, unit: valueUnit })), result, unit };
}

/** The explanations that could be given, keyed by the response field they explain (dotted path). */
export function explanations(entries: Readonly<Record<string, Explanation | undefined>>): Explanations {
  const out: Record<string, Explanation> = {};
  for (const [key, entry] of Object.entries(entries)) if (entry) out[key] = entry;
  return out;
}
