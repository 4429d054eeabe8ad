import { COMMUNICATION_SMS } from '../../kernels/communication-sms.js';
import { KERNEL_CEILINGS } from '../../kernels/kernel-ceilings.js';
import { GEMM_HALF_SATURATION_TOKENS, routingMaxOverMean, saturatingGemmEfficiency } from '../../kernels/kernel-efficiency.js';

/**
 * The inference planner's empirical parameters: the ONLY fitted numbers in src/inference.
 *
 * Everything else is physics (FLOPs, bytes, link bandwidths from the catalogs). Each parameter
 * below says what it is, what bounds it (published kernel figures) and what it was fitted on.
 * They were fitted by `packages/core/calibration/inference/run.ts` (`npm run calibrate -w @gcp/core`)
 * on the FIT half of the measured serving rows (aiconfigurator silicon sample, Apache-2.0; split
 * by configuration, see docs/inference-accuracy.md), minimising the MAPE of TPOT (decode side),
 * then of TTFT (prefill side). The fit is box-constrained to the physical ceilings
 * (KERNEL_CEILINGS, kernels/kernel-ceilings.ts: DeepGEMM, FlashMLA); the script prints the values
 * it finds and they are copied here by hand so that a refit is a reviewed change (M½ lives in
 * kernels/kernel-efficiency.ts, which the training planner shares; the inference refit holds it fixed). No formula branches on a
 * model or GPU id; backend overheads are data keyed by backend name.
 */
export { KERNEL_CEILINGS };

export interface InferenceEfficiency {
  /** Achievable fraction of datasheet HBM bandwidth for weight and KV streaming (≤ KERNEL_CEILINGS.hbm). */
  readonly hbmBandwidthFraction: number;
  /**
   * Large-GEMM asymptote of the achievable fraction of dense tensor peak (≤ KERNEL_CEILINGS.gemm).
   * A GEMM with M rows (tokens in it: tokens per rank for attention/dense/shared projections,
   * tokens per expert for routed experts) reaches gemmPeakEfficiency · M / (M + gemmHalfSaturationTokens):
   * skinny GEMMs leave tensor cores idle (tile quantisation, wave tails, fixed prologue/epilogue).
   * Shared by prefill and decode (one curve, not one constant per phase).
   */
  readonly gemmPeakEfficiency: number;
  /** M at which a GEMM reaches half the asymptote, tokens. */
  readonly gemmHalfSaturationTokens: number;
  /** Achievable fraction of dense BF16 peak for the attention core (≤ KERNEL_CEILINGS.attention). */
  readonly attentionEfficiency: number;
  /**
   * SMs that SM-driven all-to-all kernels (DeepEP "normal" kernels, used for prefill-sized batches)
   * take from compute while they overlap it; the share of a GPU is this ÷ its SM count
   * (kernels/communication-sms.ts). NOT fitted: DeepSeek-V3 report §3.2.2, 20 SMs (20/132 on the
   * H800). DeepEP's low-latency (decode) kernels use RDMA hooks that occupy no SMs, so decode pays nothing.
   */
  readonly communicationSms: number;
  /**
   * TTFT queueing share under a closed-loop benchmark: the expected number of other requests'
   * prefills a new request waits behind, as a fraction of (concurrency - 1). 0.5 would be a fully
   * synchronised burst served FCFS; a steady staggered stream is lower.
   */
  readonly prefillQueueShare: number;
  /**
   * Disaggregated serving's counterpart of `prefillQueueShare` (src/inference/serving/disaggregated.ts):
   * the mean wait for a prefill slot as a fraction of the prompts queued at one prefill server
   * (concurrency ÷ (prefill instances × attention-DP) − 1) times its time per prompt. A closed-loop
   * benchmark's fixed-length requests start together and return in waves; 0.5 would be every
   * request in one synchronised FCFS wave, 0 a perfectly staggered stream. Separate from
   * `prefillQueueShare` because aggregated engines interleave the wave's prefills with decode
   * steps (chunked prefill) while a prefill pool serves them back to back. Fitted on TTFT of the
   * disaggregated FIT rows that state their pool sizes.
   */
  readonly disaggPrefillQueueShare: number;
  /**
   * Attention-DP prefill stall: the share of the other batch members' prefills that run on their
   * own attention-DP rank ALONE, while the other ranks' decodes wait for them at the next MoE
   * all-to-all (every rank meets every layer). 0: prefills land on all ranks together (engines'
   * attention-DP balancing: TensorRT-LLM `attention_dp_config.enable_balance`, SGLang's DP
   * scheduler), so a prompt costs the instance its share of the packed rate; 1: each prompt is
   * prefilled by one rank while the rest idle, so it costs that rank's whole prompt time. Applies
   * only where attentionDp > 1. Fitted on TPOT of the aggregated attention-DP FIT rows.
   */
  readonly adpPrefillAloneShare: number;
  /** Fixed per-forward-pass framework overhead (scheduling, sampling, host sync), ms, by backend. */
  readonly stepOverheadMs: Readonly<Record<string, number>>;
  /** Per-layer per-forward-pass gap in CUDA-graph-captured decode (kernel launches, small-kernel tails), µs. */
  readonly layerOverheadUs: number;
  /**
   * Per-layer gap in prefill passes, µs. Engines capture decode in CUDA graphs but run prefill
   * eagerly (variable shapes), so every kernel of a prefill layer pays a host launch and the
   * small ops (norms, RoPE, activation quantisation, MoE routing/permutation) run unfused.
   */
  readonly prefillLayerOverheadUs: number;
  /**
   * Extra eager-prefill gap per MoE layer, µs: routing (top-k, grouping), token permutation and
   * un-permutation, the grouped-GEMM launch and the shared expert add kernels a dense FFN has not.
   */
  readonly prefillMoeLayerOverheadUs: number;
  /** Fixed per-request overhead on the first token (tokenize, schedule, detokenize, HTTP), ms. */
  readonly requestOverheadMs: number;
}

export const INFERENCE_EFFICIENCY: InferenceEfficiency = {
  // Fresh fit (calibration/inference/fit.ts fitInferenceEngine, from FIT_START) on the FIT configurations of
  // data/split.json over the cleaned rows; chosen by fit-set loss only (docs/inference-accuracy.md).
  // efficiency-fit.test.ts asserts these equal a fresh fit within 1%.
  // decode side, fitted on TPOT, within KERNEL_CEILINGS (was, before cleaning: 0.862, 0.682, 0.558, 42.3 µs).
  // MLA decode attention uses FlashMLA's published efficiency (kernels/kernel-ceilings.ts), not this fit.
  hbmBandwidthFraction: 0.83,
  gemmPeakEfficiency: 0.682, // at its ceiling (DeepGEMM 1350/1979)
  gemmHalfSaturationTokens: GEMM_HALF_SATURATION_TOKENS, // shared with training, not refitted here
  attentionEfficiency: 0.53, // 0.450 before adpPrefillAloneShare was added (2026-12-03)
  // trtllm at the fit's lower bound 0.05 ms; default (no row) not fitted. Was sglang 2.74, vllm 0.26.
  stepOverheadMs: { default: 1.5, trtllm: 0.05, sglang: 3.19, vllm: 0.466 },
  layerOverheadUs: 40.7,
  // prefill side, fitted on TTFT with the decode side fixed (was 589 µs, 907 µs, 0.0576, 1 ms)
  prefillLayerOverheadUs: 512,
  prefillMoeLayerOverheadUs: 830,
  prefillQueueShare: 0.0688,
  requestOverheadMs: 1, // at the fit's lower bound
  // disaggregated prefill pool, fitted on TTFT of sized disagg rows with everything above fixed (was 0.205)
  disaggPrefillQueueShare: 0.2076,
  // attention-DP prompts prefilled on one rank alone, fitted with the decode side on TPOT (started at 0.5)
  adpPrefillAloneShare: 0.121,
  // published, not fitted
  communicationSms: COMMUNICATION_SMS,
};

/** Per-step overhead of a backend (the `default` entry for unknown names). */
export function stepOverheadMs(eff: InferenceEfficiency, backend: string | undefined): number {
  return eff.stepOverheadMs[backend ?? 'default'] ?? eff.stepOverheadMs['default'] ?? 0;
}

/** Achieved fraction of tensor peak of a GEMM with `m` rows (tokens): the shared saturating curve. */
export function gemmEfficiency(eff: InferenceEfficiency, m: number): number {
  return saturatingGemmEfficiency(eff.gemmPeakEfficiency, m, eff.gemmHalfSaturationTokens);
}

/** Busiest EP rank's load ÷ mean (shared with the training planner, see kernels/kernel-efficiency.ts). */
export { routingMaxOverMean };
