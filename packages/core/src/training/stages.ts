import { ATTENTION_TRAINING_FLOPS_PER_FORWARD_FLOP, TRAINING_FLOPS_PER_WEIGHT } from './compute.js';
import type { ModelProfile } from './model-profile.js';
import { partitionLayers, partitionSurelyExists } from './partition.js';

/** What one pipeline stage holds. */
export interface StageContent {
  /** Decoder layers of each kind (index = ModelProfile.kinds). */
  readonly kindCounts: readonly number[];
  readonly layers: number;
  readonly hasEmbedding: boolean;
  /** LM head and MTP modules. */
  readonly hasHead: boolean;
}

/** Training FLOPs per token of each layer, the weight the partition balances. */
export function layerWeights(profile: ModelProfile): { weights: number[]; firstExtra: number; lastExtra: number; kindWeights: number[] } {
  const kindWeights = profile.kinds.map((k) => {
    let w = 0;
    for (const g of k.gemms) w += TRAINING_FLOPS_PER_WEIGHT * g.k * g.n;
    for (const g of k.expertGemms) w += TRAINING_FLOPS_PER_WEIGHT * g.k * g.n * profile.topK;
    return w + ATTENTION_TRAINING_FLOPS_PER_FORWARD_FLOP * k.attentionFlopsPerToken;
  });
  const head = TRAINING_FLOPS_PER_WEIGHT * profile.head.k * profile.head.n;
  const mtpKindW = kindWeights[profile.mtpKind] ?? 0;
  const mtp = profile.mtpModules * (mtpKindW + head + TRAINING_FLOPS_PER_WEIGHT * profile.mtpProjection.k * profile.mtpProjection.n);
  return { weights: profile.layerKinds.map((k) => kindWeights[k]!), firstExtra: 0, lastExtra: head + mtp, kindWeights };
}

type LayerWeights = ReturnType<typeof layerWeights>;

/** layerWeights per profile (model-derived only). */
const WEIGHTS = new WeakMap<ModelProfile, LayerWeights>();

function weightsOf(profile: ModelProfile): LayerWeights {
  let w = WEIGHTS.get(profile);
  if (w === undefined) WEIGHTS.set(profile, (w = layerWeights(profile)));
  return w;
}

/** Whether buildStages(profile, pp) is surely not null, without partitioning (false: not known). */
export function stagesSurelyExist(profile: ModelProfile, pp: number): boolean {
  const { weights, firstExtra, lastExtra } = weightsOf(profile);
  return partitionSurelyExists(weights, pp, firstExtra, lastExtra);
}

/** Split the layers over `pp` stages; null when pp exceeds the layer count. */
export function buildStages(profile: ModelProfile, pp: number): StageContent[] | null {
  const { weights, firstExtra, lastExtra } = weightsOf(profile);
  const counts = partitionLayers(weights, pp, firstExtra, lastExtra);
  if (!counts) return null;
  const stages: StageContent[] = [];
  let at = 0;
  for (let s = 0; s < pp; s++) {
    const n = counts[s]!;
    const kc = new Array<number>(profile.kinds.length).fill(0);
    for (let i = at; i < at + n; i++) kc[profile.layerKinds[i]!]! += 1;
    at += n;
    const stage: StageContent = { kindCounts: kc, layers: n, hasEmbedding: s === 0, hasHead: s === pp - 1 };
    // a stage like the one before is that same object: per-stage tables reuse its entry (sameStage)
    const prev = stages[s - 1];
    stages.push(prev !== undefined && sameContent(prev, stage) ? prev : stage);
  }
  return stages;
}

function sameContent(a: StageContent, b: StageContent): boolean {
  if (a.layers !== b.layers || a.hasEmbedding !== b.hasEmbedding || a.hasHead !== b.hasHead) return false;
  for (let i = 0; i < a.kindCounts.length; i++) if (a.kindCounts[i] !== b.kindCounts[i]) return false;
  return true;
}

/**
 * `f` of every stage, computed once per run of equal stages (buildStages makes equal neighbours
 * one object): the same values as mapping every stage, with fewer calls and objects.
 */
export function mapStages<T>(stages: readonly StageContent[], f: (s: StageContent) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < stages.length; i++) out.push(i > 0 && stages[i] === stages[i - 1] ? out[i - 1]! : f(stages[i]!));
  return out;
}
