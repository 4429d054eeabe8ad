/** Weight formats the planner accepts (all of them store on any GPU; compute depends on the chip). */
export const WEIGHT_FORMATS = ['bf16', 'fp16', 'fp8', 'int8', 'int4', 'mxfp4', 'nvfp4'] as const;
export type WeightFormat = (typeof WEIGHT_FORMATS)[number];

/** KV-cache formats by name; `kvCacheBits` allows any other width. */
export const KV_FORMATS = ['bf16', 'fp16', 'fp8', 'int8', 'int4'] as const;
export type KvFormat = (typeof KV_FORMATS)[number];

/** Serving modes a plan request may ask for ("auto": the cheaper feasible one). */
export const DEPLOYMENT_MODES = ['disaggregated', 'aggregated', 'auto'] as const;
/** Modes a plan answers with. */
export const PLANNED_MODES = ['disaggregated', 'aggregated'] as const;

/** Training compute precisions. */
export const TRAINING_PRECISIONS = ['fp8', 'bf16'] as const;
/**
 * Attention-core kernel families of a training stack: `flash` (FlashAttention-style fused kernels,
 * scores never in HBM: every stack since 2022) or `materialized` (s×s scores written to HBM with a
 * fused softmax: 2021 Megatron-LM, DeepSpeed and other pre-FlashAttention stacks).
 */
export const ATTENTION_KERNELS = ['flash', 'materialized'] as const;
export type AttentionKernel = (typeof ATTENTION_KERNELS)[number];
/** Adam moment precisions. */
export const OPTIMIZER_STATE_PRECISIONS = ['fp32', 'bf16'] as const;
/** Gradient buffers and their data-parallel reduction: FP32 (Megatron's grad_reduce_in_fp32, FSDP's reduce_dtype float32) or BF16. */
export const GRADIENT_PRECISIONS = ['fp32', 'bf16'] as const;
/**
 * How an FP8 recipe scales its tensors: 'delayed' (an amax history, Transformer Engine's DelayedScaling),
 * 'blockwise' (per-tile scales computed inside the cast, DeepSeek-V3), 'current' (each tensor's own
 * amax, computed in a pass of its own before the cast: Transformer Engine's Float8CurrentScaling,
 * Megatron-Bridge's FP8-CS, torchao's tensorwise dynamic scaling).
 */
export const FP8_SCALINGS = ['delayed', 'blockwise', 'current'] as const;
/** ZeRO stages. */
export const ZERO_STAGES = [0, 1, 2, 3] as const;
/**
 * 1F1B; interleaved 1F1B (virtual stages); zero-bubble ZB-H1; DualPipe (see @gcp/core
 * training/types.ts for what each models).
 */
export const PIPELINE_SCHEDULES = ['1f1b', 'interleaved', 'zerobubble', 'dualpipe'] as const;
/**
 * Activation recomputation: none; selective (Megatron: norms, SwiGLU and attention tensors rebuilt);
 * selective-op (torchtitan's op-level policy: every op output kept except every second matmul);
 * full (the layer's input only). The layout search tries none, selective and full; selective-op is
 * planned when a request names it.
 */
export const RECOMPUTE_MODES = ['none', 'selective', 'selective-op', 'full'] as const;

/** Attention kinds a model analysis reports. */
export const ATTENTION_KINDS = ['mha', 'gqa', 'mqa', 'mla'] as const;
