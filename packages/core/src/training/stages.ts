import type { ModelProfile } from './model-profile.js';
import { partitionLayers } from './partition.js';

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
    for (const g of k.gemms) w += 6 * g.k * g.n;
    for (const g of k.expertGemms) w += 6 * g.k * g.n * profile.topK;
    return w + 3 * k.attentionFlopsPerToken;
  });
  const head = 6 * profile.head.k * profile.head.n;
  const mtpKindW = kindWeights[profile.mtpKind] ?? 0;
  const mtp = profile.mtpModules * (mtpKindW + head + 6 * profile.mtpProjection.k * profile.mtpProjection.n);
  return { weights: profile.layerKinds.map((k) => kindWeights[k]!), firstExtra: 0, lastExtra: head + mtp, kindWeights };
}

/** Split the layers over `pp` stages; null when pp exceeds the layer count. */
export function buildStages(profile: ModelProfile, pp: number): StageContent[] | null {
  const { weights, firstExtra, lastExtra } = layerWeights(profile);
  const counts = partitionLayers(weights, pp, firstExtra, lastExtra);
  if (!counts) return null;
  const stages: StageContent[] = [];
  let at = 0;
  for (let s = 0; s < pp; s++) {
    const n = counts[s]!;
    const kc = new Array<number>(profile.kinds.length).fill(0);
    for (let i = at; i < at + n; i++) kc[profile.layerKinds[i]!]! += 1;
    at += n;
    stages.push({ kindCounts: kc, layers: n, hasEmbedding: s === 0, hasHead: s === pp - 1 });
  }
  return stages;
}
