import type { RlRequest } from '@gcp/contract';
import { resolveGpuId, resolveModelInput, type ModelInput } from '../catalog-inputs.js';
import { PlannerInputError } from '../errors.js';
import { priceUsed, type PriceUsed } from '../prices/price-used.js';
import { convert, planTraining, type ModelArchitecture, type TrainingPlan, type TrainingPrecision } from '../index.js';
import { explainRl } from '../explain/programme.js';
import type { Explanations } from '@gcp/contract';
import { gpuHoursCostUsd, totalGpuHours } from './accounting.js';
import { planGeneration, ROLLOUT_KV_CACHE_FORMAT, type GenerationPlan } from './rl-generation.js';

/**
 * Synchronous RL post-training (GRPO and PPO over the same policy and rollouts): per step the
 * rollouts are generated, scored and used for one policy update, the pools waiting on each other.
 */

/** Forward-only FLOPs per token over a training step's (2N ÷ 6N: forward vs forward + backward). */
export const FORWARD_COMPUTE_FRACTION_OF_TRAINING = 2 / 6;
/** Share of the GPUs that generate when the request names none: 1 = colocated, time-shared. */
export const DEFAULT_GENERATION_GPU_SHARE = 1;
export const DEFAULT_RL_PRECISION: TrainingPrecision = 'bf16';
export const DEFAULT_MINI_BATCHES_PER_STEP = 1;
/**
 * Training-side sequences are padded to a multiple of this many tokens (assumed: trainers pad for
 * the attention kernels, and context parallelism's causal load balancing needs the sequence to split
 * into 2 × cp equal chunks; 128 splits for cp up to 64). Generation is not padded.
 */
export const TRAINING_SEQUENCE_PADDING_TOKENS = 128;

export type RlStageName = 'rollout generation' | 'reference forward' | 'reward-model forward' | 'critic forward' | 'policy update' | 'critic update';

/**
 * POST /v1/training/rl body, validated by the contract (counts, ranges, miniBatchesPerStep dividing
 * the rollouts). `rewardModel` / `referenceModel` null: rule-based rewards / no KL term; absent:
 * the policy's architecture. `criticModel` (PPO's value model) defaults to the policy's.
 */
export type RlPostTrainingRequest = RlRequest;

export interface RlStage {
  readonly name: RlStageName;
  readonly gpuHours: number;
  readonly wallClockHours: number;
}
export interface RlAlgorithmCost {
  readonly gpuHours: number;
  readonly wallClockHours: number;
  readonly costUsd: number;
  readonly stages: readonly RlStage[];
}
export interface RlPostTrainingPlan {
  /** The rental price charged and where it came from (the request, or the GPU's price file). */
  readonly price: PriceUsed;
  readonly grpo: RlAlgorithmCost;
  readonly ppo: RlAlgorithmCost;
  readonly ppoToGrpoCostRatio: number;
  readonly rolloutsPerStep: number;
  readonly generation: GenerationPlan & { readonly gpus: number };
  readonly training: { readonly gpus: number; readonly policyTokensPerSecondPerGpu: number; readonly policyPlan: TrainingPlan };
  /** Models whose training plan found no layout that fits (their figures are the closest layout's). */
  readonly warnings: readonly string[];
  readonly assumptions: readonly string[];
  /** Formula and values of each headline number (GPU-hours, wall-clock, cost of each algorithm; the ratio). */
  readonly explanations: Explanations;
}

/** The disjoint pools a generation share below 1 leaves must each hold a GPU (a rule that needs gpuCount and the share together). */
function poolProblem(r: RlPostTrainingRequest): string | null {
  const share = r.generationGpuShare;
  if (share === undefined || share >= 1) return null;
  const gen = Math.round(share * r.gpuCount);
  return gen < 1 || gen >= r.gpuCount ? 'must leave at least one GPU in each pool (or be 1 for colocated)' : null;
}

const archOf = (model: ModelInput, path: string): ModelArchitecture => resolveModelInput(model, path).arch;

/** Plan synchronous GRPO and PPO post-training over the same policy and rollouts. */
export function planRlPostTraining(r: RlPostTrainingRequest): RlPostTrainingPlan {
  const pool = poolProblem(r);
  if (pool) throw PlannerInputError.at('generationGpuShare', pool);
  const gpu = resolveGpuId(r.gpu);
  const arch = archOf(r.model, 'model');
  const seq = r.promptTokens + r.responseTokens;
  if (seq > arch.maxPositionEmbeddings) throw PlannerInputError.at('responseTokens', "with promptTokens exceeds the model's max_position_embeddings");
  const longest = r.maxResponseTokens ?? r.responseTokens;
  if (r.promptTokens + longest > arch.maxPositionEmbeddings)
    throw PlannerInputError.at('maxResponseTokens', "with promptTokens exceeds the model's max_position_embeddings");
  const precision = r.precision ?? DEFAULT_RL_PRECISION;
  const share = r.generationGpuShare ?? DEFAULT_GENERATION_GPU_SHARE;
  const colocated = share === 1;
  const genGpus = colocated ? r.gpuCount : Math.round(share * r.gpuCount);
  const trainGpus = colocated ? r.gpuCount : r.gpuCount - genGpus;
  const rollouts = r.promptsPerStep * r.groupSize;
  const miniBatches = r.miniBatchesPerStep ?? DEFAULT_MINI_BATCHES_PER_STEP;
  const trainSeq = Math.ceil(seq / TRAINING_SEQUENCE_PADDING_TOKENS) * TRAINING_SEQUENCE_PADDING_TOKENS;
  const tokensPerStep = rollouts * trainSeq;
  const priceInfo = priceUsed(r.gpu, r.pricePerGpuHourUsd);
  const price = priceInfo.usdPerGpuHour;

  const gen = planGeneration({
    model: r.model,
    arch,
    gpu,
    generationGpus: genGpus,
    rollouts,
    promptTokens: r.promptTokens,
    responseTokens: r.responseTokens,
    longestResponseTokens: longest,
    groupSize: r.groupSize,
    weights: precision,
  });
  if (!gen)
    throw PlannerInputError.at(
      'generationGpuShare',
      `no serving instance of at most ${genGpus} GPUs holds the policy with one ${seq}-token sequence`,
      'unsupported',
    );

  // one training plan per distinct model: seconds per step to train on the step's tokens
  const plans = new Map<string, TrainingPlan>();
  const warnings: string[] = [];
  const trainSeconds = (model: ModelInput, path: string): number => {
    const key = JSON.stringify(model);
    let plan = plans.get(key);
    if (!plan) {
      archOf(model, path);
      try {
        plan = planTraining(
          {
            model,
            gpu: r.gpu,
            gpuCount: trainGpus,
            tokens: tokensPerStep,
            sequenceLength: trainSeq,
            globalBatchTokens: tokensPerStep / miniBatches,
            precision,
            pricePerGpuHourUsd: price,
          },
          { warnings: false },
        );
      } catch (e) {
        if (e instanceof PlannerInputError)
          throw new PlannerInputError(
            e.kind,
            e.issues.map((i) => ({ path, message: `training plan: ${i.path} ${i.message}` })),
          );
        throw e;
      }
      plans.set(key, plan);
      if (!plan.fits)
        warnings.push(`${path}: no layout of ${trainGpus} GPUs fits in memory (${plan.reasons.join('; ')}); its stages are priced on the closest layout`);
    }
    return plan.stepTimeSeconds * miniBatches;
  };
  const policyUpdateS = trainSeconds(r.model, 'model');
  const forwardS = (model: ModelInput, path: string) => trainSeconds(model, path) * FORWARD_COMPUTE_FRACTION_OF_TRAINING;
  const refS = r.referenceModel === null ? 0 : forwardS(r.referenceModel ?? r.model, 'referenceModel');
  const rewardS = r.rewardModel === null ? 0 : forwardS(r.rewardModel ?? r.model, 'rewardModel');
  const criticModel = r.criticModel ?? r.model;
  const criticFwdS = forwardS(criticModel, 'criticModel');
  const criticUpdS = trainSeconds(criticModel, 'criticModel');

  const stage = (name: RlStageName, secondsPerStep: number): RlStage => {
    const wallClockHours = convert(secondsPerStep * r.steps, 's', 'h');
    return { name, wallClockHours, gpuHours: wallClockHours * r.gpuCount };
  };
  const common: RlStage[] = [stage('rollout generation', gen.secondsPerStep)];
  if (r.referenceModel !== null) common.push(stage('reference forward', refS));
  if (r.rewardModel !== null) common.push(stage('reward-model forward', rewardS));
  const cost = (stages: RlStage[]): RlAlgorithmCost => {
    const gpuHours = totalGpuHours(stages);
    return { gpuHours, wallClockHours: gpuHours / r.gpuCount, costUsd: gpuHoursCostUsd(gpuHours, price), stages };
  };
  const grpo = cost([...common, stage('policy update', policyUpdateS)]);
  const ppo = cost([...common, stage('critic forward', criticFwdS), stage('policy update', policyUpdateS), stage('critic update', criticUpdS)]);
  const policyPlan = plans.get(JSON.stringify(r.model)) as TrainingPlan;
  const ppoToGrpoCostRatio = ppo.gpuHours / grpo.gpuHours;
  return {
    price: priceInfo,
    grpo,
    ppo,
    ppoToGrpoCostRatio,
    rolloutsPerStep: rollouts,
    generation: { ...gen, gpus: genGpus },
    training: { gpus: trainGpus, policyTokensPerSecondPerGpu: policyPlan.tokensPerSecondPerGpu, policyPlan },
    warnings,
    assumptions: assumptions({ r, colocated, genGpus, trainGpus, rollouts, seq: trainSeq, miniBatches, precision, price, gen }),
    explanations: explainRl({ grpo, ppo, ppoToGrpoCostRatio, gpuCount: r.gpuCount, price }),
  };
}

function assumptions(c: {
  r: RlPostTrainingRequest;
  colocated: boolean;
  genGpus: number;
  trainGpus: number;
  rollouts: number;
  seq: number;
  miniBatches: number;
  precision: TrainingPrecision;
  price: number;
  gen: GenerationPlan;
}): string[] {
  const { r } = c;
  const modelName = (m: ModelInput | null | undefined, dflt: string) =>
    m === null ? 'none' : m === undefined ? dflt : typeof m === 'string' ? m : 'pasted config';
  return [
    `Synchronous RL: each step = rollout generation, then scoring and updates; the pools wait on each other, so GPU-hours = all ${r.gpuCount} GPUs × wall-clock and each stage carries all GPUs for its duration.`,
    c.colocated
      ? `Colocated (generationGpuShare 1): all ${r.gpuCount} GPUs generate, then all train (time-shared); weight resharding and offload between the two not timed.`
      : `Disjoint pools: ${c.genGpus} GPUs generate, ${c.trainGpus} run the forwards and updates; weight transfer to the generators not timed.`,
    `${r.promptsPerStep} prompts × ${r.groupSize} samples = ${c.rollouts} rollouts per step for both GRPO and PPO (the same rollouts); every response ${r.responseTokens} tokens on average after a ${r.promptTokens}-token prompt; ${
      r.maxResponseTokens === undefined
        ? 'no long-tail straggler (maxResponseTokens not given: real steps wait for their longest response)'
        : `the step waits for its longest rollout, ${r.maxResponseTokens} tokens decoded at the lone-sequence speed (${c.gen.longestRolloutSeconds.toFixed(0)} s; a lower bound on the tail)`
    }; training sequences are padded to the mean, not the longest.`,
    `Generation: ${c.gen.instances} aggregated instances of ${c.gen.instanceGpus} GPUs (fastest layout of ${c.gen.candidatesPriced} priced by estimateThroughput), ${c.gen.rolloutsPerInstance} rollouts each, ${c.precision} weights, ${ROLLOUT_KV_CACHE_FORMAT} KV; the ${r.groupSize} samples of a prompt share its prefill (prefix cache hit ${((r.groupSize - 1) / r.groupSize).toFixed(3)}).`,
    `Forwards and updates run on full sequences padded to ${c.seq} tokens (a multiple of ${TRAINING_SEQUENCE_PADDING_TOKENS}) at the training planner's tokens/s per GPU on ${c.trainGpus} GPUs (${c.miniBatches} optimizer step${c.miniBatches > 1 ? 's' : ''} per RL step, one epoch); a forward-only pass costs ${FORWARD_COMPUTE_FRACTION_OF_TRAINING.toFixed(3)} of a training pass per token (2N vs 6N FLOPs).`,
    `Reference model: ${modelName(r.referenceModel, 'the policy')}; reward model: ${modelName(r.rewardModel, "the policy's architecture")}${r.rewardModel === null ? ' (rule-based rewards, CPU time not counted)' : ''}; PPO critic: ${modelName(r.criticModel, "the policy's architecture")}, value head trained like the policy (its scalar head's saving over the LM head ignored).`,
    "GRPO advantages from each group's rewards and PPO's GAE are per-token scalar work, not timed; old-policy log-probs taken from the generation engine (no extra policy forward).",
    `Cost = GPU-hours × $${c.price} per GPU-hour.`,
  ];
}
