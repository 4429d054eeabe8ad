import * as v from 'valibot';

/** One field's 80% prediction interval, in the field's own unit. */
const intervalSchema = v.pipe(
  v.looseObject({
    low: v.pipe(v.number(), v.description("Lower end of the 80% prediction interval, in the field's own unit")),
    high: v.pipe(v.number(), v.description("Upper end of the 80% prediction interval, in the field's own unit")),
  }),
  v.description("80% prediction interval, in the field's own unit"),
);

/**
 * `calibration` of a planning response: the error band of its headline numbers, from the held-out
 * residuals of the calibration group the request falls in (docs/error-bands.md).
 */
export const calibrationSummarySchema = v.pipe(
  v.looseObject({
    group: v.pipe(v.string(), v.description('Calibration group whose held-out residuals gave the intervals (GPU generation | model kind | phase | backend)')),
    heldOutRows: v.pipe(v.number(), v.description('Held-out calibration rows in that group (count)')),
    intervals: v.pipe(v.record(v.string(), intervalSchema), v.description('Per headline field: its 80% prediction interval')),
    extrapolated: v.pipe(
      v.boolean(),
      v.description('True when no calibration row represents this GPU, model kind or backend: the band is borrowed from a coarser group'),
    ),
    notes: v.pipe(v.array(v.string()), v.description('How the band was built, and why it is extrapolated where it is')),
  }),
  v.description('Error band of the headline numbers (80% prediction intervals from held-out residuals)'),
);
