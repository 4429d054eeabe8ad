/**
 * The version of the planner's answers: the core package's version plus a calibration tag.
 * Bump CALIBRATION_TAG whenever a refit or a model change makes the same request answer
 * differently (efficiency constants, engine refits, new accounting), and CORE_PACKAGE_VERSION
 * with packages/core/package.json (a test keeps the two equal). Saved plans record it, and
 * `GET /v1/plans/{id}` marks a plan saved under another version as stale.
 */
export const CORE_PACKAGE_VERSION = '0.1.0';
/** Date of the last calibration that changed answers + what it was (FlashMLA decode attention, engine refit). */
export const CALIBRATION_TAG = '2026-05-flashmla-refit';
export const PLANNER_VERSION = `${CORE_PACKAGE_VERSION}+${CALIBRATION_TAG}`;
