import { MAX_SERVING_INSTANCE_GPUS } from '@gcp/contract';
import type { ModelInput } from '../catalog-inputs.js';
import { convert, estimateThroughput, layoutsOfSize, type GpuSpec, type ModelArchitecture, type ThroughputResult, type WeightFormat } from '../index.js';

/**
 * Rollout generation of one synchronous RL step, priced with the inference planner: the
 * generation GPUs are carved into identical aggregated serving instances, every rollout is one
 * request (prompt in, response out), and the step lasts until each instance has decoded its share
 * and its longest rollout has finished: a synchronous step waits for its straggler, which decodes
 * its tokens one step at a time, at best at the speed of a sequence alone on the instance
 * (a lower bound on the tail: in the real step it shares the batch for part of its life).
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
  /** The longest response of a step (≥ responseTokens): the step cannot end before it is decoded. */
  readonly longestResponseTokens?: number;
  /** Samples per prompt: all but the first of a group reuse the prompt's KV (prefix cache). */
  readonly groupSize: number;
  readonly weights: WeightFormat;
}

export interface GenerationPlan {
  /** The larger of the throughput-bound time and the longest rollout's. */
  readonly secondsPerStep: number;
  /** The longest rollout alone: its prefill and its decode at the lone-sequence speed (0 when every response is the mean). */
  readonly longestRolloutSeconds: number;
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

/** One rollout of `outputTokens` alone on an instance of `gpus` GPUs in `layout`: TTFT + (tokens − 1) × TPOT, seconds. */
function loneRolloutSeconds(i: GenerationInput, gpus: number, layout: ReturnType<typeof layoutsOfSize>[number], outputTokens: number): number {
  const r = estimateThroughput({
    model: i.model,
    gpu: i.gpu.id,
    gpuCount: gpus,
    precision: { weights: i.weights, kvCache: ROLLOUT_KV_CACHE_FORMAT },
    inputTokens: i.promptTokens,
    outputTokens,
    concurrency: 1,
    parallelism: layout,
  });
  if (r.ttftMs === undefined || r.tpotMs === undefined) return Infinity;
  return convert(r.ttftMs + (outputTokens - 1) * r.tpotMs, 'ms', 's');
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
  const longest = i.longestResponseTokens ?? i.responseTokens;
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
      const throughputS = (perInstance * i.responseTokens) / (perGpu * g);
      const tailS = longest > i.responseTokens ? loneRolloutSeconds(i, g, layout, longest) : 0;
      const seconds = Math.max(throughputS, tailS);
      if (best && seconds >= best.secondsPerStep) continue;
      best = {
        secondsPerStep: seconds,
        longestRolloutSeconds: tailS,
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
