/**
 * Planner bounds and defaults that the request schemas state (and OpenAPI documents as minimum /
 * maximum): limits on what the planner accepts, so that every accepted request is answered inside
 * a Worker's CPU budget and no intermediate overflows, not physics. @gcp/core imports the ones it
 * also computes with from here; nothing here imports the core.
 */

// --- inference

/**
 * Largest serving instance the planner accepts, GPUs (attention TP × DP × PP). A planner bound,
 * not physics: DeepSeek's Day-6 decode unit is 144 GPUs, the largest published serving instances
 * are a few hundred; 4,096 leaves room while keeping every accepted request inside a Worker's
 * CPU budget.
 */
export const MAX_SERVING_INSTANCE_GPUS = 4096;

/** Hours in the day the fleet is scaled over (one provisioning decision per hour). */
export const HOURS_PER_DAY = 24;

/** Largest peak ÷ average a day of 24 hours can have is 24 (all load in one hour); the planner accepts up to this. */
export const MAX_PEAK_TO_AVERAGE = 12;

/** Largest deployment.minInstances accepted. */
export const MAX_MIN_INSTANCES = 1000;

/**
 * Default of `workload.utilization`: the share of engine capacity an instance is sized to deliver,
 * fitted on DeepSeek's Day-6 disclosure (geometric mean of 0.455 prefill and 0.511 decode; the
 * derivation is documented at FLEET_OPERATIONS in @gcp/core, src/inference/operations.ts, and
 * refitted by `npm run calibrate`).
 */
export const DEFAULT_LOAD_FOLLOWING_UTILIZATION = 0.493;

/**
 * Smallest daily token volume accepted (tokens per day). A planner bound, not physics: every
 * instance costs whole GPU-hours, so the cost per million tokens of a volume near zero overflows
 * (5e-324 tokens a day made it infinite); below one token a day there is no service to price.
 */
export const MIN_TOKENS_PER_DAY = 1;

/** Bounds on inference request numbers and strings. */
export const INFERENCE_BOUNDS = {
  /** Tokens per day: ~1,000× DeepSeek's disclosed 776e9. */
  tokensPerDay: 1e15,
  /** Tokens of one sequence (models cap it further at max_position_embeddings). */
  contextTokens: 10_000_000,
  /** Sequences in flight on one instance. */
  concurrency: 1_000_000,
  /** USD per GPU-hour. */
  pricePerGpuHourUsd: 1000,
  /** Per-user decode speed target, tokens/s. */
  tokensPerSecondPerUser: 100_000,
  /** TTFT limit, ms (one hour). */
  ttftMs: 3_600_000,
  /** Busiest EP rank's load ÷ mean. */
  expertSkew: 64,
  /** Redundant expert replicas. */
  redundantExperts: 4096,
  /** Pipeline stages. */
  pp: 256,
  /** Relative hourly load value. */
  hourlyLoad: 1e12,
  /** String ids and backend names, characters. */
  idLength: 200,
} as const;

/** Most draft tokens per MTP / speculative step. */
export const MAX_DRAFT_TOKENS = 8;
/** Largest bit width of a custom KV element. */
export const MAX_KV_CACHE_BITS = 32;
/** Sequences a KV-cache report may count (a fleet, not one instance). */
export const MAX_KV_REPORT_SEQUENCES = 1e9;

// --- training

/** Bounds on training request numbers and strings. */
export const TRAINING_BOUNDS = {
  tp: 1024,
  pp: 4096,
  dp: 1_000_000,
  ep: 1_000_000,
  cp: 4096,
  microBatchSize: 4096,
  virtualStages: 1024,
  gpuCount: 1_000_000,
  /** Training tokens. */
  tokens: 1e18,
  /** Tokens per sequence. */
  sequenceLength: 10_000_000,
  /** Tokens per optimizer step. */
  globalBatchTokens: 1e12,
  pricePerGpuHourUsd: 1e6,
  /** Alternative layouts a plan may list. */
  alternatives: 20,
  /** Characters of a model id. */
  modelIdLength: 200,
  /** Characters of a GPU id. */
  gpuIdLength: 100,
} as const;

// --- models

/** Largest `sequenceLength` of a model analysis (tokens per training sequence for the FLOPs). */
export const MAX_SEQUENCE_LENGTH = 4_194_304;

// --- saved plans

export const PLAN_KINDS = ['training', 'inference'] as const;
/** Characters of a saved plan's name. */
export const MAX_PLAN_NAME_LENGTH = 200;
export const DEFAULT_PLAN_LIST_LIMIT = 20;
export const MAX_PLAN_LIST_LIMIT = 100;

/** Most phases one training programme may have (a request bound, not physics). */
export const MAX_PROGRAMME_PHASES = 32;
