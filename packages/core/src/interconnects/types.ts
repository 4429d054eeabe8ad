import type { Figure } from '../units/figure.js';

/**
 * A link technology between GPUs. Bandwidths are per GPU.
 * `nominalBidirectionalGBps` is the datasheet total (both directions summed);
 * collective formulas use `perDirectionGBps` (nominal / 2) times `achievableFraction`.
 */
export interface InterconnectSpec {
  readonly id: string;
  readonly name: string;
  readonly scope: 'scale-up' | 'scale-out';
  /** Datasheet bandwidth per GPU, both directions added (NVLink style). */
  readonly nominalBidirectionalGBps: Figure;
  /** Bandwidth per GPU in one direction, as collectives see it. */
  readonly perDirectionGBps: Figure;
  /** Achieved / nominal per-direction bandwidth for large messages (empirical, kept separate from the spec). */
  readonly achievableFraction: Figure;
  /** Per-message latency (alpha term) of one collective step. */
  readonly latencyUs: Figure;
}
