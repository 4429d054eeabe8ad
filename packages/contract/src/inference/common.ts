import * as v from 'valibot';
import { INFERENCE_BOUNDS as BOUNDS, MAX_SERVING_INSTANCE_GPUS } from '../bounds.js';
import { KV_FORMATS, WEIGHT_FORMATS } from '../formats.js';
import { jsonObjectSchema } from '../json-object.js';

/** `model`: a catalog id or `{ "config": <config.json> }`. */
export const modelSchema = v.union(
  [
    v.pipe(v.string(), v.minLength(1), v.maxLength(BOUNDS.idLength)),
    v.strictObject({ config: jsonObjectSchema('model.config must be a JSON object (the contents of config.json)') }),
  ],
  'model must be a catalog model id or {"config": {...}}',
);

export const gpuIdSchema = v.pipe(
  v.string('gpu must be a GPU id'),
  v.minLength(1),
  v.maxLength(BOUNDS.idLength),
  v.description('GPU id from GET /v1/gpus (lowercase, e.g. "h800")'),
);
export const backendSchema = v.pipe(v.string(), v.maxLength(BOUNDS.idLength), v.description('Serving engine (sglang, vllm, trtllm) for its per-step overhead'));

/** A whole number in [1, max]. */
export const count = (name: string, max: number, description: string) =>
  v.pipe(
    v.number(`${name} must be a number`),
    v.integer(`${name} must be a whole number`),
    v.minValue(1, `${name} must be at least 1`),
    v.maxValue(max, `${name} must be at most ${max}`),
    v.description(description),
  );
/** A number in (0, max]: exclusiveMinimum 0 in OpenAPI. */
export const positive = (name: string, max: number, description: string) =>
  v.pipe(
    v.number(`${name} must be a number`),
    v.gtValue(0, `${name} must be positive`),
    v.maxValue(max, `${name} must be at most ${max}`),
    v.description(description),
  );
/** A number in [0, 1]. */
export const unit = (name: string, description: string) =>
  v.pipe(v.number(`${name} must be a number`), v.minValue(0, `${name} must be ≥ 0`), v.maxValue(1, `${name} must be ≤ 1`), v.description(description));

export const weightFormatSchema = v.picklist(WEIGHT_FORMATS, 'precision.weights must be one of bf16, fp16, fp8, int8, int4, mxfp4, nvfp4');
export const kvFormatSchema = v.picklist(KV_FORMATS, 'KV-cache precision must be one of bf16, fp16, fp8, int8, int4');
export const precisionSchema = v.strictObject({ weights: weightFormatSchema, kvCache: v.optional(kvFormatSchema) });

/**
 * One serving instance's layout: attentionTp × attentionDp = moeTp × moeEp GPUs per pipeline
 * stage, × pp. It must also be one the model and machine allow (attention heads, KV heads,
 * expert count and width, whole nodes): a layout that breaks a rule is a 400 naming it.
 */
export const layoutSchema = v.strictObject({
  attentionTp: count('attentionTp', MAX_SERVING_INSTANCE_GPUS, 'Tensor-parallel ranks of attention (divides the attention heads)'),
  attentionDp: count('attentionDp', MAX_SERVING_INSTANCE_GPUS, 'Data-parallel attention replicas'),
  moeTp: count('moeTp', MAX_SERVING_INSTANCE_GPUS, 'Tensor-parallel ranks of each expert (divides the expert width)'),
  moeEp: count('moeEp', MAX_SERVING_INSTANCE_GPUS, 'Expert-parallel ranks (divides routed + redundant experts)'),
  pp: v.optional(count('pp', BOUNDS.pp, 'Pipeline stages')),
  redundantExperts: v.optional(
    v.pipe(
      v.number('redundantExperts must be a number'),
      v.integer('redundantExperts must be a whole number'),
      v.minValue(0, 'redundantExperts must be ≥ 0'),
      v.maxValue(BOUNDS.redundantExperts, `redundantExperts must be at most ${BOUNDS.redundantExperts}`),
      v.description('Extra expert replicas spread over the EP ranks (DeepSeek EPLB)'),
    ),
  ),
});
