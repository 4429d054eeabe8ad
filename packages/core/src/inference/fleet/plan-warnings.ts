import type { AggregatedFleetPlan } from './aggregated-fleet.js';
import type { FleetPlan } from './fleet.js';
import type { WholeInstancePool } from './instances.js';

/**
 * A pool whose whole instances deliver less than this share of the utilisation they were sized
 * for is mostly idle capacity: the volume is below what its smallest provisioning can serve.
 */
export const IDLE_POOL_DELIVERED_SHARE = 0.5;

const usd = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** Warnings a fleet plan carries: pools mostly idle at their minimum, a requested mode that costs more than the other. */
export function fleetWarnings(a: {
  mode: 'disaggregated' | 'aggregated';
  modeIn: string;
  dis: Omit<FleetPlan, 'decodePoint'>;
  agg: AggregatedFleetPlan | undefined;
  utilization: number;
  minInstances: number;
}): string[] {
  const out: string[] = [];
  const pools: Array<[string, WholeInstancePool]> =
    a.mode === 'aggregated' && a.agg
      ? [['aggregated', a.agg]]
      : [
          ['prefill', a.dis.prefill],
          ['decode', a.dis.decode],
        ];
  for (const [name, p] of pools) {
    if (!Number.isFinite(p.averageInstances) || p.deliveredUtilization >= IDLE_POOL_DELIVERED_SHARE * a.utilization) continue;
    const atMin = p.hourlyInstances.filter((n) => n === a.minInstances).length;
    out.push(
      `the ${name} pool uses ${pct(p.deliveredUtilization)} of its engine capacity over the day (sized for ${pct(a.utilization)}): it sits at its minimum of ${a.minInstances} ${p.nodesPerInstance}-node instance(s) for ${atMin} of 24 hours, so idle capacity sets the price per token`,
    );
  }
  if (a.agg?.feasible && a.dis.feasible) {
    const other = a.mode === 'aggregated' ? a.dis.dailyCostUsd : a.agg.dailyCostUsd;
    const mine = a.mode === 'aggregated' ? a.agg.dailyCostUsd : a.dis.dailyCostUsd;
    if (a.modeIn !== 'auto' && other < mine) {
      const otherName = a.mode === 'aggregated' ? 'a disaggregated' : 'an aggregated';
      out.push(
        `${otherName} fleet would cost ${usd(other)} per day, ${usd(mine - other)} less than the requested ${a.mode} one (deployment.mode "auto" picks the cheaper)`,
      );
    }
  }
  return out;
}
