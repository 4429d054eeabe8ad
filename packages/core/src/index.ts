/** @gcp/core — the planning core: pure TypeScript, no I/O. */
export * from './units/units.js';
export * from './units/figure.js';
export type { GpuSpec, DenseTflops } from './gpus/types.js';
export { listGpus, getGpu } from './gpus/catalog.js';
export { exportControlFigures, type ExportControlFigures } from './gpus/export-control.js';
export { describeGpu, type GpuDescription } from './gpus/describe.js';
export type { InterconnectSpec } from './interconnects/types.js';
export { listInterconnects, getInterconnect, requireInterconnect, effectiveGBpsPerDirection } from './interconnects/catalog.js';
export type * from './models/types.js';
export { ConfigError, type ConfigIssue } from './models/config-error.js';
export { normalizeConfig } from './models/normalize-config.js';
export { listModels, getModel, type CatalogModel, type OfficialParams } from './models/catalog.js';
export * from './accounting/params.js';
export * from './accounting/kv-cache.js';
export * from './accounting/flops.js';
export { analyzeModel, DEFAULT_SEQUENCE_LENGTH, type ModelAnalysis } from './accounting/analyze.js';
