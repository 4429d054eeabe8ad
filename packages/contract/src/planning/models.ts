import * as v from 'valibot';
import { MAX_SEQUENCE_LENGTH } from '../bounds.js';
import { ATTENTION_KINDS } from '../formats.js';
import { jsonObjectSchema } from '../json-object.js';

/** Tokens per training sequence (used for the attention part of the FLOPs). */
export const sequenceLengthSchema = v.pipe(
  v.number('sequenceLength must be a number'),
  v.integer('sequenceLength must be a whole number of tokens'),
  v.minValue(1, 'sequenceLength must be at least 1 token'),
  v.maxValue(MAX_SEQUENCE_LENGTH, `sequenceLength must be at most ${MAX_SEQUENCE_LENGTH} tokens`),
);

export const analyzeModelRequestSchema = v.strictObject({
  /** A Hugging Face config.json object. */
  config: jsonObjectSchema('config must be a JSON object (the contents of config.json)'),
  sequenceLength: v.optional(sequenceLengthSchema),
});

/** `?sequenceLength=8192` on GET /v1/models/{id}. */
export const modelQuerySchema = v.strictObject({
  sequenceLength: v.optional(v.pipe(v.string(), v.digits('sequenceLength must be a whole number of tokens'), v.transform(Number), sequenceLengthSchema)),
});

/** A sourced figure from the catalogs. */
const figureSchema = v.object({ value: v.number(), kind: v.string(), source: v.string() });

/** Published headline parameter counts in billions, with their sources. */
const officialParamsSchema = v.object({
  totalB: figureSchema,
  activeB: v.optional(figureSchema),
});

/** What every model response carries (the analysis of `analyzeModel`). */
export const modelAnalysisEntries = {
  name: v.string(),
  totalParams: v.number(),
  activeParams: v.number(),
  mtpParams: v.number(),
  attention: v.picklist(ATTENTION_KINDS),
  kvCacheBytesPerToken: v.looseObject({ bf16: v.number(), fp8: v.number() }),
  trainingFlopsPerToken: v.number(),
  forwardFlopsPerToken: v.number(),
  sequenceLength: v.number(),
  architecture: v.looseObject({ name: v.string(), modelType: v.string() }),
};

export const analyzeModelResponseSchema = v.looseObject(modelAnalysisEntries);

export const modelDetailResponseSchema = v.looseObject({
  id: v.string(),
  officialParams: officialParamsSchema,
  ...modelAnalysisEntries,
  config: v.record(v.string(), v.unknown()),
});

export const modelListResponseSchema = v.object({
  models: v.array(v.looseObject({ id: v.string(), name: v.string(), officialParams: officialParamsSchema })),
});
