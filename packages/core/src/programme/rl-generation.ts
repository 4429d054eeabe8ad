import { MAX_SERVING_INSTANCE_GPUS } from '@gcp/contract';
import type { ModelInput } from '../catalog-inputs.js';
import { estimateThroughput, layoutsOfSize, type GpuSpec, type ModelArchitecture, type ThroughputResult, type WeightFormat } from '../index.js';

/**
 * Rollout generation of one synchronous RL step, priced with the inference planner: the
 * generation GPUs are carved into identical aggregated serving instances, every rollout is one
 * request (prompt in, response out), and the step lasts until each instance has decoded its share.
 */

/** KV cache format of the rollout engines (BF16: the usual default of vLLM/SGLang RL setups; assumed). */
export const ROLLOUT_KV_CACHE_FORMAT = 'bf16';
/** Whole-node instance sizes tried beyond the sub-node powers of two (1, 2, 4, 8 nodes, then doubling). */
const FIRST_NODE_COUNT = 1;
const NODE_COUNT_GROWTH = 2;

export interface GenerationInput {
  /** The policy as estimateThroughput takes it (catalog id or {config}). */
  readonly model: ModelInput;
  readonly arch: ModelArchitecture;
  readonly gpu: GpuSpec;
  readonly generationGpus: number;
  readonly rollouts: number;
  readonly promptTokens: number;
  readonly responseTokens: number;
  /** Samples per prompt: all but the first of a group reuse the prompt's KV (prefix cache). */
  readonly groupSize: number;
  readonly weights: WeightFormat;
}

export interface GenerationPlan {
  readonly secondsPerStep: number;
  readonly instanceGpus: number;
  readonly instances: number;
  /** Generation GPUs left out of whole instances (they idle, and are still paid for). */
  readonly idleGpus: number;
  readonly rolloutsPerInstance: number;
  readonly layout: ThroughputResult['parallelism'];
  readonly batch: number;
  readonly outputTokensPerSecondPerGpu: number;
  /** Layout × size candidates priced. */
  readonly candidatesPriced: number;
}

/** Instance sizes: powers of two that divide a node, then 1, 2, 4, … whole nodes, up to `max` GPUs. */
function instanceSizes(gpusPerNode: number, max: number): number[] {
  const out: number[] = [];
  for (let g = 1; g < gpusPerNode && g <= max; g *= 2) if (gpusPerNode % g === 0) out.push(g);
  for (let n = FIRST_NODE_COUNT; n * gpusPerNode <= max; n *= NODE_COUNT_GROWTH) out.push(n * gpusPerNode);
  return out;
}

/**
 * The fastest instance layout for one step's rollouts (each size in the inference planner's
 * layout families, candidates.ts): every size and family that holds the
 * weights and at least one sequence, priced by estimateThroughput at the step's concurrency per
 * instance (more than fit in KV queue and run in waves). Null when no instance holds the model.
 */
export function planGeneration(i: GenerationInput): GenerationPlan | null {
  const hit = (i.groupSize - 1) / i.groupSize;
  let best: GenerationPlan | null = null;
  let priced = 0;
  for (const g of instanceSizes(i.gpu.gpusPerNode.value, Math.min(i.generationGpus, MAX_SERVING_INSTANCE_GPUS))) {
    const instances = Math.floor(i.generationGpus / g);
    const perInstance = Math.ceil(i.rollouts / instances);
    for (const layout of layoutsOfSize(i.arch, i.gpu, g)) {
      const r = estimateThroughput({
        model: i.model,
        gpu: i.gpu.id,
        gpuCount: g,
        precision: { weights: i.weights, kvCache: ROLLOUT_KV_CACHE_FORMAT },
        inputTokens: i.promptTokens,
        outputTokens: i.responseTokens,
        concurrency: perInstance,
        parallelism: layout,
        prefixCacheHitRate: hit,
      });
      priced++;
      const perGpu = r.outputTokensPerSecondPerGpu;
      if (r.maxConcurrency < 1 || perGpu === undefined || !(perGpu > 0)) continue;
      // closed loop: the instance's tokens ÷ its rate (one wave = one request latency when all fit)
      const seconds = (perInstance * i.responseTokens) / (perGpu * g);
      if (best && seconds >= best.secondsPerStep) continue;
      best = {
        secondsPerStep: seconds,
        instanceGpus: g,
        instances,
        idleGpus: i.generationGpus - instances * g,
        rolloutsPerInstance: perInstance,
        layout: r.parallelism,
        batch: r.batch ?? perInstance,
        outputTokensPerSecondPerGpu: perGpu,
        candidatesPriced: 0,
      };
    }
  }
  return best ? { ...best, candidatesPriced: priced } : null;
}
