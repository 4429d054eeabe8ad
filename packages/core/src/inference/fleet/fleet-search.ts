import { HOURS_PER_DAY, MAX_SERVING_INSTANCE_GPUS } from '@gcp/contract';
import type { GpuSpec } from '../../gpus/types.js';
import type { ModelArchitecture } from '../../models/types.js';
import { aggregatedEngine, planAggregatedFleet, type AggregatedEngine, type AggregatedFleetPlan } from './aggregated-fleet.js';
import type { AggregatedRequestShape } from '../serving/aggregated.js';
import { candidateLayouts, layoutsOfSize } from './candidates.js';
import {
  decodeEngine,
  planFleet,
  prefillEngine,
  prefillFits,
  sizeDecodePool,
  sizePrefillPool,
  type DecodeEngine,
  type FleetOperationsInput,
  type FleetPlan,
  type FleetSlo,
  type FleetWorkload,
  type PrefillEngine,
} from './fleet.js';
import type { Layout, ResolvedLayout } from '../serving/layout.js';
import { gpuMemory } from '../memory/memory.js';
import type { ServingSetup } from '../serving/setup.js';

export type Role = 'prefill' | 'decode' | 'aggregated';
export type MakeSetup = (layout: Layout, role: Role) => ServingSetup;

/** How many losing plans a fleet answer lists beside the chosen one. */
export const MAX_ALTERNATIVES = 5;

/** A plan the search weighed and did not choose, with why it lost. */
export interface FleetAlternative {
  readonly mode: 'disaggregated' | 'aggregated';
  readonly feasible: boolean;
  readonly parallelism: { readonly prefill?: ResolvedLayout; readonly decode?: ResolvedLayout; readonly aggregated?: ResolvedLayout };
  readonly nodesPerInstance: { readonly prefill?: number; readonly decode?: number; readonly aggregated?: number };
  readonly dailyCostUsd: number;
  readonly averageNodes: number;
  readonly peakNodes: number;
  readonly whyNot: string;
}

/** What a plan is ranked by: feasible before infeasible, then cheaper, then more engine capacity per GPU. */
interface Ranked {
  readonly feasible: boolean;
  readonly dailyCostUsd: number;
  /** Tie-break among equal costs: engine capacity per GPU (headroom); for infeasible plans, closeness to feasible. */
  readonly score: number;
}

const better = (a: Ranked, b: Ranked) => {
  if (a.feasible !== b.feasible) return a.feasible;
  if (a.feasible && a.dailyCostUsd !== b.dailyCostUsd) return a.dailyCostUsd < b.dailyCostUsd;
  return a.score > b.score;
};

/**
 * Evaluates setups in ascending instance size, skipping any whose cheapest possible pool
 * (minInstances whole instances all day) already costs more than the best feasible pool found:
 * it can neither win nor tie. Returns the evaluated options and how many were skipped.
 */
function evaluateCheapestFirst<T extends Ranked>(
  setups: readonly ServingSetup[],
  ops: FleetOperationsInput,
  evaluate: (s: ServingSetup) => T,
): { options: T[]; skipped: number } {
  const order = [...setups].sort((a, b) => a.layout.gpuCount - b.layout.gpuCount);
  const options: T[] = [];
  let bestFeasibleUsd = Number.POSITIVE_INFINITY;
  let skipped = 0;
  for (const s of order) {
    const floorUsd = ops.minInstances * s.layout.gpuCount * HOURS_PER_DAY * ops.pricePerGpuHourUsd;
    if (floorUsd > bestFeasibleUsd) {
      skipped++;
      continue;
    }
    const o = evaluate(s);
    options.push(o);
    if (o.feasible) bestFeasibleUsd = Math.min(bestFeasibleUsd, o.dailyCostUsd);
  }
  return { options, skipped };
}

function best<T extends Ranked>(xs: readonly T[]): T | undefined {
  let out: T | undefined;
  for (const x of xs) if (!out || better(x, out)) out = x;
  return out;
}

/**
 * Smallest instance (GPUs: part of a node, or whole nodes) that holds the weights with room for
 * one sequence of `contextTokens` per attention-DP rank in some allowed layout; null if none up
 * to MAX_SERVING_INSTANCE_GPUS.
 */
export function minGpusHoldingWeights(arch: ModelArchitecture, gpu: GpuSpec, mk: MakeSetup, contextTokens: number): number | null {
  const gpn = gpu.gpusPerNode.value;
  const sizes: number[] = [];
  for (let g = 1; g < gpn; g *= 2) if (gpn % g === 0) sizes.push(g);
  for (let n = 1; n * gpn <= MAX_SERVING_INSTANCE_GPUS; n++) sizes.push(n * gpn);
  for (const g of sizes) {
    for (const l of layoutsOfSize(arch, gpu, g)) {
      const s = mk(l, 'decode');
      const m = gpuMemory({
        shape: s.shape,
        gpu,
        layout: s.layout,
        weights: s.weights,
        kvBytesPerElement: s.kvBytesPerElement,
        contextTokens,
        maxTokensPerStep: s.prefillChunkTokens,
      });
      if (m.maxConcurrency >= s.layout.attentionDp) return g;
    }
  }
  return null;
}

interface PrefillOption extends Ranked {
  readonly engine: PrefillEngine;
  readonly nodesPerInstance: number;
}
interface DecodeOption extends Ranked {
  readonly engine: DecodeEngine;
  readonly nodesPerInstance: number;
}
interface AggregatedOption extends Ranked {
  readonly engine: AggregatedEngine;
  readonly fleet: AggregatedFleetPlan;
}

export interface FleetSearchInput {
  readonly arch: ModelArchitecture;
  readonly gpu: GpuSpec;
  readonly mk: MakeSetup;
  readonly workload: FleetWorkload;
  readonly slo: FleetSlo;
  readonly operations: FleetOperationsInput;
  /** Pinned layouts (deployment.prefill / decode / aggregated); the others are searched. */
  readonly pinned: { readonly prefill?: Layout; readonly decode?: Layout; readonly aggregated?: Layout };
  /** The aggregated mean request; absent when the aggregated fleet is not evaluated. */
  readonly aggregatedShape?: AggregatedRequestShape;
}

export interface FleetSearchResult {
  readonly disaggregated: FleetPlan;
  readonly prefillSetups: readonly ServingSetup[];
  readonly decodeSetups: readonly ServingSetup[];
  readonly aggregated?: { readonly engine: AggregatedEngine; readonly fleet: AggregatedFleetPlan; readonly setups: readonly ServingSetup[] };
  /** Every plan weighed, ranked; the first of each mode is that mode's choice. */
  readonly ranked: readonly FleetAlternative[];
  /** Plans fully evaluated (disaggregated combinations and aggregated layouts). */
  readonly layoutsWeighed: number;
  /** Candidate layouts not evaluated: even minInstances of them cost more than the best feasible pool. */
  readonly layoutsSkipped: number;
  /** Smallest instance, GPUs, that holds the weights (null: none does or nothing was searched). */
  readonly minGpus: number | null;
}

/**
 * The whole-instance layout search. Each pool's candidates (or its pinned layout) are sized in
 * whole instances through the day and ranked by daily cost (feasible first; ties go to the layout
 * with more engine capacity per GPU). The disaggregated pools are independent given the workload,
 * so the cheapest disaggregated fleet is the cheapest prefill pool plus the cheapest decode pool.
 */
export function searchFleet(i: FleetSearchInput): FleetSearchResult {
  const { arch, gpu, mk, workload: w, slo, operations: ops } = i;
  const anySearched = !i.pinned.prefill || !i.pinned.decode || (i.aggregatedShape && !i.pinned.aggregated);
  const minGpus = anySearched ? minGpusHoldingWeights(arch, gpu, mk, w.averageContextTokens) : null;
  // when nothing holds the weights, every size is tried so the answer can say how far each falls short
  const layoutsFor = (role: 'prefill' | 'decode') => candidateLayouts(arch, gpu, role, minGpus ?? 1);
  const prefillSetups = (i.pinned.prefill ? [i.pinned.prefill] : layoutsFor('prefill')).map((l) => mk(l, 'prefill'));
  const decodeSetups = (i.pinned.decode ? [i.pinned.decode] : layoutsFor('decode')).map((l) => mk(l, 'decode'));

  const { options: prefillOptions, skipped: prefillSkipped } = evaluateCheapestFirst<PrefillOption>(prefillSetups, ops, (s) => {
    const engine = prefillEngine(s, w, slo);
    const pool = sizePrefillPool(engine, w, ops);
    const fits = prefillFits(s, w.averageContextTokens);
    return {
      engine,
      nodesPerInstance: pool.nodesPerInstance,
      feasible: engine.reasons.length === 0,
      dailyCostUsd: pool.dailyCostUsd,
      score: fits ? engine.capacityPerInstancePerS / s.layout.gpuCount : -1 / s.layout.gpuCount,
    };
  });
  const { options: decodeOptions, skipped: decodeSkipped } = evaluateCheapestFirst<DecodeOption>(decodeSetups, ops, (s) => {
    const engine = decodeEngine(s, w, slo);
    const pool = sizeDecodePool(engine, w, ops);
    const step = engine.point.step;
    const score = engine.point.feasible
      ? engine.capacityPerInstancePerS / s.layout.gpuCount
      : step
        ? -1 / Math.max(step.outputTokensPerSecondPerUser, Number.MIN_VALUE)
        : Number.NEGATIVE_INFINITY;
    return { engine, nodesPerInstance: pool.nodesPerInstance, feasible: engine.reasons.length === 0, dailyCostUsd: pool.dailyCostUsd, score };
  });
  const bestP = best(prefillOptions);
  const bestD = best(decodeOptions);
  if (!bestP || !bestD) throw new Error('fleet search: no candidate layout');
  const disaggregated = planFleet({ prefill: bestP.engine, decode: bestD.engine, workload: w, operations: ops });

  let layoutsSkipped = prefillSkipped + decodeSkipped;
  const ranked: FleetAlternative[] = [];
  const disagg = (p: PrefillOption, d: DecodeOption): FleetAlternative => {
    const f = planFleet({ prefill: p.engine, decode: d.engine, workload: w, operations: ops });
    return {
      mode: 'disaggregated',
      feasible: f.feasible,
      dailyCostUsd: f.dailyCostUsd,
      averageNodes: f.averageNodes,
      peakNodes: f.peakNodes,
      parallelism: { prefill: p.engine.setup.layout, decode: d.engine.setup.layout },
      nodesPerInstance: { prefill: p.nodesPerInstance, decode: d.nodesPerInstance },
      whyNot: f.reasons[0] ?? '',
    };
  };
  ranked.push({ ...disagg(bestP, bestD), whyNot: disaggregated.reasons[0] ?? '' });
  for (const d of decodeOptions) if (d !== bestD) ranked.push(disagg(bestP, d));
  for (const p of prefillOptions) if (p !== bestP) ranked.push(disagg(p, bestD));

  let aggregated: FleetSearchResult['aggregated'];
  if (i.aggregatedShape) {
    const shape = i.aggregatedShape;
    const setups = (i.pinned.aggregated ? [i.pinned.aggregated] : layoutsFor('decode')).map((l) => mk(l, 'aggregated'));
    const { options, skipped } = evaluateCheapestFirst<AggregatedOption>(setups, ops, (s) => {
      const engine = aggregatedEngine(s, shape, slo);
      const fleet = planAggregatedFleet(engine, w, ops);
      const score = engine.point.feasible ? (engine.requestsPerSecond * shape.outputTokens) / s.layout.gpuCount : -engine.point.shortfall;
      return { engine, fleet, feasible: fleet.feasible, dailyCostUsd: fleet.dailyCostUsd, score };
    });
    const bestA = best(options);
    if (!bestA) throw new Error('fleet search: no aggregated candidate');
    aggregated = { engine: bestA.engine, fleet: bestA.fleet, setups };
    layoutsSkipped += skipped;
    for (const o of [bestA, ...options.filter((o) => o !== bestA)]) {
      ranked.push({
        mode: 'aggregated',
        feasible: o.feasible,
        dailyCostUsd: o.dailyCostUsd,
        averageNodes: o.fleet.averageNodes,
        peakNodes: o.fleet.peakNodes,
        parallelism: { aggregated: o.engine.setup.layout },
        nodesPerInstance: { aggregated: o.fleet.nodesPerInstance },
        whyNot: o.fleet.reasons[0] ?? '',
      });
    }
  }
  return { disaggregated, prefillSetups, decodeSetups, ...(aggregated ? { aggregated } : {}), ranked, minGpus, layoutsWeighed: ranked.length, layoutsSkipped };
}

const usd = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;

/**
 * Up to MAX_ALTERNATIVES plans that lost to `chosen`, each with why: feasible ones by how much
 * more they cost per day, infeasible ones by their first reason, the other mode's by the mode the
 * request asked for (when it asked). The other mode's best plan is always among them when it was
 * weighed.
 */
export function alternativesTo(
  chosen: FleetAlternative,
  ranked: readonly FleetAlternative[],
  requestedMode?: 'disaggregated' | 'aggregated',
): FleetAlternative[] {
  const key = (a: FleetAlternative) => JSON.stringify(a.parallelism);
  const others = ranked.filter((a) => a !== chosen && key(a) !== key(chosen));
  const order = [...others].sort((a, b) => (a.feasible === b.feasible ? a.dailyCostUsd - b.dailyCostUsd : a.feasible ? -1 : 1));
  const picked = order.slice(0, MAX_ALTERNATIVES);
  const otherMode = order.find((a) => a.mode !== chosen.mode);
  if (otherMode && !picked.includes(otherMode)) picked[picked.length - 1] = otherMode;
  return picked.map((a) => ({ ...a, whyNot: whyNot(a, chosen, requestedMode) }));
}

function whyNot(a: FleetAlternative, chosen: FleetAlternative, requestedMode: 'disaggregated' | 'aggregated' | undefined): string {
  if (!a.feasible) return `not feasible: ${a.whyNot}`;
  if (requestedMode !== undefined && a.mode !== requestedMode)
    return `feasible at ${usd(a.dailyCostUsd)} per day, but deployment.mode asks for ${requestedMode}`;
  if (!chosen.feasible) return `feasible at ${usd(a.dailyCostUsd)} per day, but the request pins the chosen layouts`;
  const extra = a.dailyCostUsd - chosen.dailyCostUsd;
  if (extra > 0) return `costs ${usd(a.dailyCostUsd)} per day, ${usd(extra)} (${((extra / chosen.dailyCostUsd) * 100).toFixed(0)}%) more than the chosen plan`;
  return `costs the same per day (${usd(a.dailyCostUsd)}); the chosen plan has more engine capacity per GPU (headroom)`;
}
