import * as v from 'valibot';

/**
 * How a headline number of a response came about: the formula in words, the actual values that
 * went into it (in the formula's order, each with its unit) and the result, which is the
 * response's own number. Built by the planning core, so that the page and the API never disagree.
 */
export const explanationSchema = v.pipe(
  v.object({
    label: v.pipe(v.string(), v.description('What the number is, as the page labels it')),
    formula: v.pipe(v.string(), v.description('The formula in words, e.g. "GPU-hours = tokens ÷ (tokens/s per GPU × 3,600 s/h)"')),
    values: v.pipe(
      v.array(
        v.object({
          name: v.string(),
          value: v.pipe(v.number(), v.description('The value as used in the formula, in the unit named beside it')),
          unit: v.pipe(v.string(), v.description('Unit of the value (e.g. tokens, s, USD, GPUs)')),
        }),
      ),
      v.description('The values the formula was evaluated with, named as in the formula'),
    ),
    result: v.pipe(v.number(), v.description('The number explained (the same as the response field it is keyed by)')),
    unit: v.pipe(v.string(), v.description('Unit of the result (e.g. GPU-hours, USD, nodes)')),
  }),
  v.description('A headline number with its formula and the values that produced it'),
);

/**
 * `explanations`: one entry per headline number, keyed by the response field it explains as a
 * dotted path (`gpuHours`, `costPerMillionTokensUsd.output`, `decode.instances`). Numbers that
 * could not be computed (an infeasible pool) have no entry.
 */
export const explanationsSchema = v.pipe(
  v.record(v.string(), explanationSchema),
  v.description('Formula and values of each headline number, keyed by the dotted path of the field it explains'),
);
