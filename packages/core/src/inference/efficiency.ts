/**
 * The inference planner's empirical parameters: the ONLY fitted numbers in src/inference.
 *
 * Everything else is physics (FLOPs, bytes, link bandwidths from the catalogs). Each parameter
 * below says what it is, what it was fitted on and its value. They were fitted by
 * `packages/core/calibration/inference/run.ts` (`npm run calibrate -w @gcp/core`) on the FIT half
 * of the measured serving rows (aiconfigurator silicon sample, Apache-2.0; split by configuration,
 * see docs/inference-accuracy.md), minimising the mean squared log error of TTFT and TPOT.
 * The script prints the values it finds; they are copied here by hand so that a refit is a
 * reviewed change. No formula branches on a model or GPU id; backend overheads are data keyed by
 * backend name.
 */

export interface InferenceEfficiency {
  /** Achievable fraction of datasheet HBM bandwidth for weight and KV streaming (decode). */
  readonly hbmBandwidthFraction: number;
  /** Achievable fraction of dense tensor peak for large prefill GEMMs (thousands of tokens per GEMM). */
  readonly prefillGemmEfficiency: number;
  /** Achievable fraction of dense tensor peak for skinny decode GEMMs (compute-bound large batches). */
  readonly decodeGemmEfficiency: number;
  /** Achievable fraction of dense BF16 peak for the attention core (FlashAttention / FlashMLA kernels). */
  readonly attentionEfficiency: number;
  /** Fraction of the EP/TP communication that a second micro-batch hides when two-batch overlap is on. */
  readonly commOverlapFraction: number;
  /**
   * TTFT queueing share under a closed-loop benchmark: the expected number of other requests'
   * prefills a new request waits behind, as a fraction of (concurrency - 1). 0.5 would be a fully
   * synchronised burst served FCFS; a steady staggered stream is lower.
   */
  readonly prefillQueueShare: number;
  /** Fixed per-forward-pass framework overhead (scheduling, sampling, host sync), ms, by backend. */
  readonly stepOverheadMs: Readonly<Record<string, number>>;
  /** Per-layer per-forward-pass gap (kernel launches and small-kernel tails between layers), µs. */
  readonly layerOverheadUs: number;
  /** Fixed per-request overhead on the first token (tokenize, schedule, detokenize, HTTP), ms. */
  readonly requestOverheadMs: number;
}

export const INFERENCE_EFFICIENCY: InferenceEfficiency = {
  // decode side, fitted on TPOT (calibration run of docs/inference-accuracy.md)
  hbmBandwidthFraction: 0.80,
  decodeGemmEfficiency: 0.90,
  attentionEfficiency: 0.26,
  stepOverheadMs: { default: 1.5, trtllm: 0.67, sglang: 3.32, vllm: 0.96 },
  layerOverheadUs: 30.8,
  // prefill side, fitted on TTFT with the decode side fixed
  prefillGemmEfficiency: 0.84,
  prefillQueueShare: 0.078,
  requestOverheadMs: 56.5,
  // not identifiable from the measured rows (none runs two-batch overlap): DeepSeek's design
  // target of hiding most all-to-all time behind the other micro-batch (V3 report §3.4, Day-6 post)
  commOverlapFraction: 0.8,
};

/** Per-step overhead of a backend (the `default` entry for unknown names). */
export function stepOverheadMs(eff: InferenceEfficiency, backend: string | undefined): number {
  return eff.stepOverheadMs[backend ?? 'default'] ?? eff.stepOverheadMs['default'] ?? 0;
}
