import { getGpu } from '../../src/gpus/catalog.js';
import { getModel } from '../../src/models/catalog.js';
import { BYTES_PER_ELEMENT } from '../../src/units/units.js';
import type { InferenceEfficiency } from '../../src/inference/step/efficiency.js';
import { DEFAULT_PREFILL_CHUNK_TOKENS, makeSetup, type ServingSetup } from '../../src/inference/serving/setup.js';
import { aggregatedServing } from '../../src/inference/serving/serving.js';
import { disaggregatedServing } from '../../src/inference/serving/disaggregated.js';
import type { WeightFormat } from '../../src/inference/memory/precision.js';
import type { Layout } from '../../src/inference/serving/layout.js';
import { convert } from '../../src/units/units.js';
import type { MeasuredRow, PoolColumns } from './csv.js';
import { gpuMemory } from '../../src/inference/memory/memory.js';
import { kvBlockTokens } from '../../src/inference/memory/paged-kv.js';

/** CSV model_path → catalog id. Rows of other models (Qwen3-32B, Qwen3.5, MiniMax, GLM, Kimi-K2.5, DeepSeek-V3.1) are skipped. */
export const MODEL_MAP: Readonly<Record<string, string>> = {
  'deepseek-ai/DeepSeek-V3': 'deepseek-v3',
  'deepseek-ai/DeepSeek-R1': 'deepseek-r1',
  'nvidia/DeepSeek-R1-NVFP4': 'deepseek-r1',
  'Qwen/Qwen3-235B-A22B-FP8': 'qwen3-235b-a22b',
  'meta-llama/Llama-3.1-70B': 'llama-3.1-70b',
  'meta-llama/Llama-3.1-8B-Instruct': 'llama-3.1-8b',
  'nvidia/Llama-3.1-8B-Instruct-FP8': 'llama-3.1-8b',
  'openai/gpt-oss-120b': 'gpt-oss-120b',
};

/** CSV system → catalog GPU id (GB200/B300/GB300 have no catalog entry and are skipped). */
export const GPU_MAP: Readonly<Record<string, string>> = { h100_sxm: 'h100', h200_sxm: 'h200', b200_sxm: 'b200' };

/** Weight format of a row: fp8/fp8_block → fp8, nvfp4 → nvfp4, int4_wo → int4, empty → bf16 (the 366 rows with no precision are BF16 checkpoints). */
export function weightFormat(row: MeasuredRow): WeightFormat {
  const q = row.gemmQuant;
  if (q.startsWith('fp8')) return 'fp8';
  if (q === 'nvfp4') return 'nvfp4';
  if (q === 'int4_wo') return 'int4';
  return 'bf16';
}

/**
 * Backends whose runs of quantised checkpoints are read as FP8 KV (the CSV does not say). TensorRT-LLM:
 * its FP8/NVFP4 recipes quantise the KV cache. vLLM: chosen on the FIT rows, not the held-out ones —
 * 5 of its 128 FP8-checkpoint fit rows hold more sequences in flight (Little's law on their own TTFT
 * and TPOT) than a paged BF16 KV cache could on the planner's free memory (1 exceeds FP8 KV too, by
 * the memory model's margin), and the fit-set loss is lower with FP8. SGLang: `auto` = model dtype (BF16); no fit row contradicts it.
 */
export const FP8_KV_BACKENDS: ReadonlySet<string> = new Set(['trtllm', 'vllm']);

/** KV-cache format of a row: FP8 for quantised checkpoints on FP8_KV_BACKENDS, BF16 otherwise. */
export function kvBytes(row: MeasuredRow): number {
  return FP8_KV_BACKENDS.has(row.backend) && weightFormat(row) !== 'bf16' ? BYTES_PER_ELEMENT.fp8 : BYTES_PER_ELEMENT.bf16;
}

export interface Prediction {
  readonly ttftMs: number;
  readonly tpotMs: number;
}

function layoutOf(p: { tp: number; pp: number; adp: number; moeTp: number; moeEp: number }): Layout {
  return { attentionTp: p.tp, attentionDp: p.adp, moeTp: p.moeTp, moeEp: p.moeEp, pp: p.pp };
}

function setupFor(row: MeasuredRow, layout: Layout, eff: InferenceEfficiency | undefined, chunk: number): ServingSetup | null {
  const modelId = MODEL_MAP[row.modelPath];
  const gpuId = GPU_MAP[row.system];
  if (!modelId || !gpuId) return null;
  const model = getModel(modelId);
  const gpu = getGpu(gpuId);
  if (!model || !gpu) return null;
  try {
    return makeSetup({
      arch: model.architecture,
      gpu,
      layout,
      weights: weightFormat(row),
      kvBytesPerElement: kvBytes(row),
      backend: row.backend,
      ...(eff ? { eff } : {}),
      prefillChunkTokens: chunk,
    });
  } catch {
    return null; // layout inconsistent with the model (e.g. tp × adp ≠ moe_tp × moe_ep)
  }
}

/**
 * Sequences the aggregated engine batches at most (its configured limit). The sample's
 * `batch_size` is per GPU of the attention group (aiconfigurator's convention): every agg row
 * whose concurrency exceeds batch_size has concurrency = batch_size × tp × attention_dp exactly
 * (82 rows) and, by Little's law on its own TTFT and TPOT, holds all its requests in flight; so
 * the instance batch is batch_size × tp × attention_dp.
 */
export function engineBatch(r: MeasuredRow): number {
  return r.batchSize * Math.max(r.tp, 1) * Math.max(r.adp, 1);
}

const admittedCache = new WeakMap<MeasuredRow, number>();
/**
 * Sequences the aggregated engine holds at once on the planner's memory model: its batch limit,
 * and no more than its paged KV cache sustains (weights, reserve and workspace first; each
 * sequence holds its prompt plus the tokens generated so far, block-rounded by backend, time
 * averaged: src/inference/memory/paged-kv.ts). Concurrency beyond it waits for a slot in the prediction;
 * it never decides whether a row is scored (split.ts).
 */
export function admittedBatch(row: MeasuredRow): number {
  const hit = admittedCache.get(row);
  if (hit !== undefined) return hit;
  let b = engineBatch(row);
  const s = row.mode === 'agg' ? setupFor(row, layoutOf(row), undefined, Math.max(DEFAULT_PREFILL_CHUNK_TOKENS, row.isl)) : null;
  if (s) {
    const mem = gpuMemory({
      shape: s.shape,
      gpu: s.gpu,
      layout: s.layout,
      weights: s.weights,
      kvBytesPerElement: s.kvBytesPerElement,
      contextTokens: row.isl + row.osl,
      outputTokens: row.osl,
      kvBlockTokens: kvBlockTokens(row.backend),
      maxTokensPerStep: s.prefillChunkTokens,
    });
    if (mem.maxConcurrency >= 1) b = Math.min(b, mem.maxConcurrency);
  }
  admittedCache.set(row, b);
  return b;
}

/** Predicted TTFT and TPOT of a measured row, or null when the row cannot be mapped. */
export function predictRow(row: MeasuredRow, eff: InferenceEfficiency): Prediction | null {
  if (row.mode === 'agg') {
    const s = setupFor(row, layoutOf(row), eff, Math.max(DEFAULT_PREFILL_CHUNK_TOKENS, row.isl));
    if (!s) return null;
    const r = aggregatedServing(s, { concurrency: row.concurrency, inputTokens: row.isl, outputTokens: row.osl, maxBatch: admittedBatch(row) });
    return { ttftMs: convert(r.ttftS, 's', 'ms'), tpotMs: convert(r.tpotS, 's', 'ms') };
  }
  return predictDisagg(row, eff);
}

/**
 * Disaggregated rows (src/inference/serving/disaggregated.ts): `concurrency` requests cycle through the
 * whole deployment — wait for a prefill slot (closed-loop MVA on the prefill pool at its
 * saturated chunked rate, or the wave share), the prompt's prefill, the prompt's KV over the
 * scale-out NIC to the decode GPU, the first decode step; then decode on one of the decode
 * workers, whose batch is the loop's throughput × decode time ÷ workers (Little's law), capped at
 * decode_batch_size × decode attention-DP (the sample's per-rank convention: every sized disagg
 * row has concurrency = decode batch × workers × attention-DP). Rows that leave the pool batch
 * sizes and worker counts empty (`sized` false) are taken as one prefill and one decode instance
 * with no batch cap; they are excluded from the fit and reported apart (split.ts).
 */
function predictDisagg(row: MeasuredRow, eff: InferenceEfficiency): Prediction | null {
  const pf: PoolColumns | null = row.prefill,
    dc: PoolColumns | null = row.decode;
  if (!pf || !dc) return null;
  const ps = setupFor(row, layoutOf(pf), eff, Math.max(DEFAULT_PREFILL_CHUNK_TOKENS, row.isl));
  const ds = setupFor(row, layoutOf(dc), eff, DEFAULT_PREFILL_CHUNK_TOKENS);
  if (!ps || !ds) return null;
  const r = disaggregatedServing(ps, ds, {
    concurrency: row.concurrency,
    inputTokens: row.isl,
    outputTokens: row.osl,
    prefillWorkers: pf.sized ? pf.workers : 1,
    decodeWorkers: dc.sized ? dc.workers : 1,
    ...(dc.sized ? { decodeMaxBatch: dc.batchSize * Math.max(dc.adp, 1) } : {}),
  });
  return { ttftMs: convert(r.ttftS, 's', 'ms'), tpotMs: convert(r.tpotS, 's', 'ms') };
}
