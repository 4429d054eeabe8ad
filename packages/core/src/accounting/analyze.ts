import { BYTES_PER_ELEMENT } from '../units/units.js';
import type { ModelArchitecture } from '../models/types.js';
import { countParameters } from './params.js';
import { kvCacheBytesPerToken, kvCacheBytesPerSequence } from './kv-cache.js';
import { forwardFlopsPerToken, trainingFlopsPerToken } from './flops.js';

export const DEFAULT_SEQUENCE_LENGTH = 4096;

/** JSON-ready summary of a model, as the API returns it. */
export interface ModelAnalysis {
  readonly name: string;
  readonly modelType: string;
  readonly attention: ModelArchitecture['attention']['kind'];
  readonly isMoe: boolean;
  readonly numLayers: number;
  readonly moeLayers: number;
  readonly slidingWindowLayers: number;
  readonly totalParams: number;
  readonly activeParams: number;
  /** activeParams without the input embedding and the LM head. */
  readonly activeNonEmbeddingParams: number;
  readonly mtpParams: number;
  readonly mtpActiveParams: number;
  readonly parameterConvention: string;
  readonly paramsBreakdown: {
    readonly embedding: number;
    readonly head: number;
    readonly attention: number;
    readonly denseFfn: number;
    readonly routedExperts: number;
    readonly sharedExperts: number;
    readonly routers: number;
    readonly norms: number;
  };
  readonly kvCacheBytesPerToken: { readonly bf16: number; readonly fp8: number };
  readonly sequenceLength: number;
  /** KV bytes of one sequence at `sequenceLength` in BF16 (sliding layers capped at their window). */
  readonly kvCacheBytesPerSequenceBf16: number;
  readonly trainingFlopsPerToken: number;
  readonly trainingAttentionFlopsPerToken: number;
  readonly trainingMtpFlopsPerToken: number;
  readonly forwardFlopsPerToken: number;
  readonly flopsConvention: string;
}

export function analyzeModel(arch: ModelArchitecture, opts: { sequenceLength?: number } = {}): ModelAnalysis {
  const seq = opts.sequenceLength ?? DEFAULT_SEQUENCE_LENGTH;
  const p = countParameters(arch);
  const train = trainingFlopsPerToken(arch, seq);
  const fwd = forwardFlopsPerToken(arch, seq);
  return {
    name: arch.name,
    modelType: arch.modelType,
    attention: arch.attention.kind,
    isMoe: arch.moe !== null,
    numLayers: arch.numLayers,
    moeLayers: arch.layers.filter((l) => l.ffn === 'moe').length,
    slidingWindowLayers: arch.layers.filter((l) => l.attention === 'sliding').length,
    totalParams: p.totalParams,
    activeParams: p.activeParams,
    activeNonEmbeddingParams: p.activeParams - p.embeddingParams - p.headParams,
    mtpParams: p.mtpParams,
    mtpActiveParams: p.mtpActiveParams,
    parameterConvention:
      'totalParams and activeParams include the input embedding and the LM head (head counted once more unless tied) and exclude MTP modules; mtpParams are the unique MTP weights, excluding the embedding and head they share',
    paramsBreakdown: {
      embedding: p.embeddingParams,
      head: p.headParams,
      attention: p.attentionParams,
      denseFfn: p.denseFfnParams,
      routedExperts: p.routedExpertParams,
      sharedExperts: p.sharedExpertParams,
      routers: p.routerParams,
      norms: p.normParams,
    },
    kvCacheBytesPerToken: {
      bf16: kvCacheBytesPerToken(arch, BYTES_PER_ELEMENT.bf16),
      fp8: kvCacheBytesPerToken(arch, BYTES_PER_ELEMENT.fp8),
    },
    sequenceLength: seq,
    kvCacheBytesPerSequenceBf16: kvCacheBytesPerSequence(arch, seq, BYTES_PER_ELEMENT.bf16),
    trainingFlopsPerToken: train.totalFlops,
    trainingAttentionFlopsPerToken: train.attentionFlops,
    trainingMtpFlopsPerToken: train.mtpFlops,
    forwardFlopsPerToken: fwd.totalFlops,
    flopsConvention:
      '2 FLOPs per weight per token forward, 6 for training (forward + backward); causal attention (QK^T and AV over the mean attended context); MTP modules excluded from trainingFlopsPerToken and reported in trainingMtpFlopsPerToken',
  };
}
