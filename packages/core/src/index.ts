/** @gcp/core — the planning core: pure TypeScript, no I/O. */
export * from './units/units.js';
export * from './units/figure.js';
export type { GpuSpec, DenseTflops } from './gpus/types.js';
export { listGpus, getGpu } from './gpus/catalog.js';
export { exportControlFigures, type ExportControlFigures } from './gpus/export-control.js';
export { describeGpu, type GpuDescription } from './gpus/describe.js';
export type { PriceFigure, CnyPerUsdFigure, RentalKind, DefaultRentalKind, RentalUsdPerGpuHour, GpuPrice, DefaultRentalFigure } from './prices/types.js';
export { listGpuPrices, getGpuPrice, defaultRentalUsdPerGpuHour } from './prices/catalog.js';
export type { InterconnectSpec } from './interconnects/types.js';
export { listInterconnects, getInterconnect, requireInterconnect, effectiveGBpsPerDirection } from './interconnects/catalog.js';
export type * from './models/types.js';
export { PlannerInputError, type PlannerInputErrorKind, type PlannerIssue } from './errors.js';
export { normalizeConfig } from './models/normalize-config.js';
export { listModels, getModel, type CatalogModel, type OfficialParams } from './models/catalog.js';
export * from './accounting/params.js';
export * from './accounting/kv-cache.js';
export * from './accounting/flops.js';
export { analyzeModel, DEFAULT_SEQUENCE_LENGTH, type ModelAnalysis } from './accounting/analyze.js';
export * from './inference/index.js';
export * from './cluster/types.js';
export { buildCluster, groupPlacement, scaleUpLink, scaleOutLink } from './cluster/cluster.js';
export * from './cluster/collectives.js';
export * from './cluster/expert-all-to-all.js';
export type {
  TrainingPrecision,
  PipelineSchedule,
  RecomputeMode,
  ZeroStage,
  OptimizerStatePrecision,
  ParallelismInput,
  TrainingRequest,
  Layout as TrainingLayout,
  MemoryBreakdown as TrainingMemoryBreakdown,
  TimeBreakdown as TrainingTimeBreakdown,
  LayoutEvaluation as TrainingLayoutEvaluation,
} from './training/types.js';
export {
  DEFAULT_EFFICIENCY,
  FITTED_EFFICIENCY_KEYS,
  FIT_BOUNDS,
  resolveEfficiency,
  type EfficiencyParameters,
  type StoredEfficiency,
} from './training/efficiency.js';
export { planTraining, MFU_BASIS, DEFAULT_GLOBAL_BATCH_TOKENS, type TrainingPlan, type TrainingPlanOptions, type AlternativeLayout } from './training/plan.js';
export { planOwnership, auditTrainingClaim, type OwnershipRequest, type OwnershipPlan, type AuditRequest, type AuditPlan } from './cost/cost-requests.js';
export { compareOwnership, type OwnershipResult } from './cost/ownership.js';
export { auditClaim, type ClaimAudit, type Verdict } from './cost/claim-audit.js';
export { estimateEnergy, type EnergyEstimate } from './cost/energy.js';
export { OWNERSHIP_DEFAULTS } from './cost/ownership-defaults.js';
export {
  planTrainingProgramme,
  MAX_PROGRAMME_PHASES,
  type TrainingProgrammeRequest,
  type TrainingProgramme,
  type ProgrammePhase,
} from './programme/training-programme.js';
export { planRlPostTraining, type RlPostTrainingRequest, type RlPostTrainingPlan } from './programme/rl-post-training.js';
export { priceUsed, type PriceUsed } from './prices/price-used.js';
export { PLANNER_VERSION, CORE_PACKAGE_VERSION } from './version/planner-version.js';
export type { CalibrationSummary, Interval as CalibrationInterval } from './calibration-bands/types.js';
