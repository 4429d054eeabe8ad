/**
 * The normalised model architecture every planner works on. Built from a
 * Hugging Face `config.json` by `normalizeConfig` (each family keeps its own
 * key names in the config; the differences are resolved there, never in formulas).
 */
export type AttentionKind = 'mha' | 'gqa' | 'mqa' | 'mla';

export interface MlaDims {
  /** Query low-rank compression (null = plain q_proj, e.g. DeepSeek-V2-Lite). */
  readonly qLoraRank: number | null;
  readonly kvLoraRank: number;
  readonly qkNopeHeadDim: number;
  readonly qkRopeHeadDim: number;
  readonly vHeadDim: number;
}

export interface AttentionSpec {
  readonly kind: AttentionKind;
  readonly numHeads: number;
  /** Key/value heads (GQA/MQA/MHA). For MLA equal to numHeads (after up-projection). */
  readonly numKvHeads: number;
  /** Per-head dim of q and k (MLA: nope + rope). */
  readonly qkHeadDim: number;
  /** Per-head dim of v. */
  readonly vHeadDim: number;
  readonly mla: MlaDims | null;
  /** Linear layers carry biases (gpt-oss, Qwen2). */
  readonly bias: boolean;
  /** Window of sliding-attention layers, null if none. */
  readonly slidingWindow: number | null;
}

export interface MoeSpec {
  readonly numRoutedExperts: number;
  readonly numSharedExperts: number;
  readonly topK: number;
  /** FFN inner size of one routed expert. */
  readonly expertIntermediateSize: number;
  /** FFN inner size of one shared expert. */
  readonly sharedExpertIntermediateSize: number;
  /** Expert groups / groups a token may use (DeepSeek node-limited routing); null if unrestricted. */
  readonly numGroups: number | null;
  readonly topKGroups: number | null;
  /** Router has a bias per expert (gpt-oss). */
  readonly routerBias: boolean;
}

export interface LayerSpec {
  readonly attention: 'full' | 'sliding';
  readonly ffn: 'dense' | 'moe';
}

export interface ModelArchitecture {
  readonly name: string;
  readonly modelType: string;
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly vocabSize: number;
  readonly tieWordEmbeddings: boolean;
  readonly maxPositionEmbeddings: number;
  readonly attention: AttentionSpec;
  /** Inner size of dense (non-MoE) FFN layers; SwiGLU (three matrices). */
  readonly denseIntermediateSize: number;
  readonly moe: MoeSpec | null;
  /** One entry per decoder layer, in order. */
  readonly layers: readonly LayerSpec[];
  /** Multi-token-prediction modules (DeepSeek `num_nextn_predict_layers`). */
  readonly mtpLayers: number;
  /** Format of the published weights, from `quantization_config` / `torch_dtype` (informational). */
  readonly publishedWeightFormat: string;
}
