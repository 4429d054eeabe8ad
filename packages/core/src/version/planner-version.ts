import { INFERENCE_EFFICIENCY } from '../inference/step/efficiency.js';
import { FLEET_OPERATIONS } from '../inference/fleet/operations.js';
import { DEFAULT_EFFICIENCY } from '../training/efficiency.js';

/** The version in packages/core/package.json (planner-version.test.ts keeps them equal). */
export const CORE_PACKAGE_VERSION = '0.1.0';

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** A second offset basis, so two independent 32-bit FNV-1a passes give a 64-bit fingerprint. */
const SECOND_OFFSET_BASIS = 0x050c5d1f;

function fnv1a32(text: string, basis: number): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A short synchronous fingerprint (16 hex digits) of a text: two FNV-1a passes. Not a
 * cryptographic hash — it names a parameter set, it does not guard anything.
 */
export function shortFingerprint(text: string): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a32(text, FNV_OFFSET_BASIS)) + hex(fnv1a32(text, SECOND_OFFSET_BASIS));
}

/** The calibrated parameter sets the planners' answers depend on besides the catalogs and the code. */
export const CALIBRATION_PARAMETERS = { INFERENCE_EFFICIENCY, DEFAULT_EFFICIENCY, FLEET_OPERATIONS } as const;

/**
 * The planner's version: the core package version plus a fingerprint of the calibration
 * parameters, e.g. `0.1.0+1a2b3c4d5e6f7a8b`. Computed once at module load. Anything keyed
 * on answers (the response cache, saved plans) includes it, so a refit or a release never
 * serves an answer the current model would not give.
 */
export const PLANNER_VERSION = `${CORE_PACKAGE_VERSION}+${shortFingerprint(JSON.stringify(CALIBRATION_PARAMETERS))}`;
