/** Inference planner: memory, prefill, decode, aggregated and disaggregated serving, fleet sizing. */
export { INFERENCE_EFFICIENCY, type InferenceEfficiency } from './step/efficiency.js';
export { type WeightFormat, type KvFormat, computeFormatFor, kvBytesPerElement, weightBytesPerElement } from './memory/precision.js';
export { resolveLayout, tensorParallelLayout, type Layout, type ResolvedLayout } from './serving/layout.js';
export { modelShape, type ModelShape } from './memory/shape.js';
export { gpuMemory, weightBytesPerGpu, kvBytesPerSequencePerGpu, type GpuMemory } from './memory/memory.js';
export { makeSetup, tokensPerStep, type ServingSetup, type SetupInput, type SpeculativeDecoding } from './serving/setup.js';
export { forwardPass, type PassTime } from './step/forward.js';
export { decodeStep, type DecodeStep } from './step/decode.js';
export { prefillTokensPerSecond, prefillLatencyS } from './step/prefill.js';
export { aggregatedServing, prefillCost, type ServingEstimate, type ClosedLoopLoad, type PrefillCost } from './serving/serving.js';
export { disaggregatedServing, kvTransferS, closedLoopMva, type DisaggLoad, type DisaggEstimate } from './serving/disaggregated.js';
export { decodeOperatingPoint, type DecodePoint } from './step/operating-point.js';
export { planFleet, prefillEngine, decodeEngine, type FleetPlan, type FleetWorkload, type FleetSlo, type FleetOperationsInput } from './fleet/fleet.js';
export { decodePareto, type ParetoPoint } from './serving/pareto.js';
export { launchSettings, type LaunchSettings } from './serving/launch-settings.js';
export { kvCacheReport, type KvCacheReport, type KvCacheRequest } from './memory/kv-report.js';
export { estimateThroughput, servingPrecision, type ThroughputRequest, type ThroughputResult } from './serving/throughput.js';
export { planInference, type PlanRequest, type InferencePlan, type DeploymentMode, type ModeSummary, type AggregatedPlanBlock } from './fleet/plan.js';
export {
  aggregatedOperatingPoint,
  aggregatedPareto,
  type AggregatedPoint,
  type AggregatedParetoPoint,
  type AggregatedRequestShape,
} from './serving/aggregated.js';
export { aggregatedEngine, planAggregatedFleet, type AggregatedEngine, type AggregatedFleetPlan } from './fleet/aggregated-fleet.js';
export { layoutProblem, assertLayoutAllowed, type LayoutProblem } from './serving/layout-rules.js';
export { dailyShape, defaultDailyShape } from './fleet/daily-load.js';
export { sizeWholeInstancePool, type WholeInstancePool, type PoolDemand } from './fleet/instances.js';
export { searchFleet, alternativesTo, minGpusHoldingWeights, type FleetAlternative } from './fleet/fleet-search.js';
export { FLEET_OPERATIONS, DEFAULT_UTILIZATION_SOURCE, type FleetOperations } from './fleet/operations.js';
export { candidateLayouts, layoutsOfSize } from './fleet/candidates.js';
