import type { ModelArchitecture } from '../../models/types.js';
import { attentionParamsPerLayer, denseFfnParams, moeLayerParams, embeddingParams } from '../../accounting/params.js';
import { kvElementsPerTokenPerLayer } from '../../accounting/kv-cache.js';

/** Layers of one kind, grouped so that a step costs O(kinds), not O(layers). */
export interface LayerGroup {
  readonly count: number;
  readonly ffn: 'dense' | 'moe';
  readonly sliding: boolean;
}

/**
 * Per-layer sizes the serving model needs, computed once per architecture from the accounting
 * module (no parameter counting is duplicated here).
 */
export interface ModelShape {
  readonly arch: ModelArchitecture;
  readonly hidden: number;
  readonly numLayers: number;
  readonly groups: readonly LayerGroup[];
  readonly attnParams: number;
  readonly denseFfnParams: number;
  readonly perRoutedExpert: number;
  readonly sharedExpertParams: number;
  readonly routerParams: number;
  readonly embeddingParams: number;
  /** LM head weights (multiplied every token even when tied). */
  readonly headParams: number;
  /** Stored head weights (0 when tied to the embedding). */
  readonly headStoredParams: number;
  readonly numExperts: number;
  readonly topK: number;
  /** Node-limited routing cap (DeepSeek topk_group), null if none. */
  readonly routeGroupLimit: number | null;
  /** Expert groups of node-limited routing (n_group); null = unrestricted. */
  readonly routeGroups: number | null;
  readonly kvElementsPerTokenPerLayer: number;
  readonly kvHeads: number;
  /** KV is a latent shared by all heads (MLA): every attention-TP rank holds all of it. */
  readonly kvReplicatedAcrossTp: boolean;
  readonly slidingWindow: number | null;
  readonly numHeads: number;
  /** Attention-core FLOPs per query token per attended key in prefill (MHA form: QKᵀ + AV). */
  readonly prefillAttnFlopsPerKey: number;
  /** Same for decode; MLA decode uses the absorbed form over the latent (FlashMLA). */
  readonly decodeAttnFlopsPerKey: number;
  readonly mtpLayers: number;
}

const cache = new WeakMap<ModelArchitecture, ModelShape>();

export function modelShape(arch: ModelArchitecture): ModelShape {
  const hit = cache.get(arch);
  if (hit) return hit;
  const groupsMap = new Map<string, { count: number; ffn: 'dense' | 'moe'; sliding: boolean }>();
  for (const l of arch.layers) {
    const key = `${l.ffn}/${l.attention}`;
    const g = groupsMap.get(key);
    if (g) g.count += 1;
    else groupsMap.set(key, { count: 1, ffn: l.ffn, sliding: l.attention === 'sliding' });
  }
  const a = arch.attention;
  const moe = moeLayerParams(arch);
  const absorbedPerKey = a.mla ? 2 * a.numHeads * (2 * a.mla.kvLoraRank + a.mla.qkRopeHeadDim) : 0;
  const mhaPerKey = 2 * a.numHeads * (a.qkHeadDim + a.vHeadDim);
  const shape: ModelShape = {
    arch,
    hidden: arch.hiddenSize,
    numLayers: arch.numLayers,
    groups: [...groupsMap.values()],
    attnParams: attentionParamsPerLayer(arch),
    denseFfnParams: denseFfnParams(arch),
    perRoutedExpert: moe.perRoutedExpert,
    sharedExpertParams: moe.shared,
    routerParams: moe.router,
    embeddingParams: embeddingParams(arch),
    headParams: arch.vocabSize * arch.hiddenSize,
    headStoredParams: arch.tieWordEmbeddings ? 0 : arch.vocabSize * arch.hiddenSize,
    numExperts: arch.moe?.numRoutedExperts ?? 0,
    topK: arch.moe?.topK ?? 0,
    routeGroupLimit: arch.moe?.topKGroups ?? null,
    routeGroups: arch.moe?.numGroups ?? null,
    kvElementsPerTokenPerLayer: kvElementsPerTokenPerLayer(arch),
    kvHeads: a.mla ? 1 : a.numKvHeads,
    kvReplicatedAcrossTp: a.mla !== null,
    slidingWindow: a.slidingWindow,
    numHeads: a.numHeads,
    prefillAttnFlopsPerKey: mhaPerKey,
    decodeAttnFlopsPerKey: a.mla ? absorbedPerKey : mhaPerKey,
    mtpLayers: arch.mtpLayers,
  };
  cache.set(arch, shape);
  return shape;
}

/** Keys a layer attends to at context `ctx` (sliding layers capped at their window). */
export function layerKeys(shape: ModelShape, g: LayerGroup, ctx: number): number {
  return g.sliding && shape.slidingWindow !== null ? Math.min(ctx, shape.slidingWindow) : ctx;
}
