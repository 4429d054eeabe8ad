import { HOURS_PER_DAY } from '@gcp/contract';

/**
 * Relative slack when rounding load ÷ capacity up to whole instances, so that a load of exactly
 * k instances (up to floating-point noise) provisions k, not k + 1.
 */
export const WHOLE_INSTANCE_ROUNDING_TOLERANCE = 1e-9;

/** Least instances a pool keeps when the request gives no deployment.minInstances. */
export const DEFAULT_MIN_INSTANCES = 1;

/** One pool scaled through the day in whole instances of one layout. */
export interface WholeInstancePool {
  /** Instances provisioned in each of the 24 hours. */
  readonly hourlyInstances: readonly number[];
  /** Instances at the busiest hour (what must be available at peak). */
  readonly instances: number;
  /** Mean instances over the day. */
  readonly averageInstances: number;
  readonly nodesPerInstance: number;
  /** averageInstances × nodesPerInstance. */
  readonly averageNodes: number;
  /** instances × nodesPerInstance. */
  readonly peakNodes: number;
  /** Share of the provisioned engine capacity the load uses over the day (load ÷ (instances × capacity)), ≤ utilization. */
  readonly deliveredUtilization: number;
}

export interface PoolDemand {
  /** Average load over the day in the pool's unit (tokens/s). */
  readonly averageLoadPerS: number;
  /** Hourly multipliers of the average load (mean 1). */
  readonly shape: readonly number[];
  /** Engine capacity of one instance in the same unit (tokens/s at saturation or at the SLO batch). */
  readonly capacityPerInstancePerS: number;
  /** Share of an instance's engine capacity a provisioned instance delivers on average, in (0, 1]. */
  readonly utilization: number;
  readonly minInstances: number;
  readonly nodesPerInstance: number;
}

/**
 * Whole instances per hour: max(minInstances, ⌈load_h ÷ (capacity × utilization)⌉). An instance
 * that cannot serve (capacity 0) needs infinitely many: the pool is then not feasible and its
 * counts are Infinity (dropped from JSON by the finite-number guard).
 */
export function sizeWholeInstancePool(d: PoolDemand): WholeInstancePool {
  const perInstance = d.capacityPerInstancePerS * d.utilization;
  const hourlyInstances: number[] = [];
  for (let h = 0; h < HOURS_PER_DAY; h++) {
    const load = d.averageLoadPerS * (d.shape[h] ?? 1);
    const need = perInstance > 0 ? Math.ceil(load / perInstance - WHOLE_INSTANCE_ROUNDING_TOLERANCE) : load > 0 ? Number.POSITIVE_INFINITY : 0;
    hourlyInstances.push(Math.max(d.minInstances, need));
  }
  const instances = Math.max(...hourlyInstances);
  const averageInstances = hourlyInstances.reduce((a, b) => a + b, 0) / HOURS_PER_DAY;
  const provisioned = averageInstances * d.capacityPerInstancePerS;
  return {
    hourlyInstances,
    instances,
    averageInstances,
    nodesPerInstance: d.nodesPerInstance,
    averageNodes: averageInstances * d.nodesPerInstance,
    peakNodes: instances * d.nodesPerInstance,
    deliveredUtilization: provisioned > 0 && Number.isFinite(provisioned) ? d.averageLoadPerS / provisioned : 0,
  };
}

/** Daily cost of a pool: provisioned node-hours × GPUs per node × price. */
export function poolDailyCostUsd(pool: WholeInstancePool, gpusPerNode: number, pricePerGpuHourUsd: number): number {
  return pool.averageNodes * gpusPerNode * HOURS_PER_DAY * pricePerGpuHourUsd;
}
