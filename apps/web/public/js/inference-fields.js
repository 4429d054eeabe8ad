// The "Inference" plan form's fields, one description each (js/fields.js): markup, request reader,
// refill and preset all come from it. The throughput form reads the model, GPU and precisions here.
import { layoutFieldSpecs } from './serving-layout-fields.js';

/** Weight formats the planner takes (a format without a tensor path is weight-only quantisation). @type {ReadonlyArray<readonly [string, string]>} */
const WEIGHT_OPTIONS = [
  ['bf16', 'BF16'],
  ['fp16', 'FP16'],
  ['fp8', 'FP8'],
  ['int8', 'INT8'],
  ['int4', 'INT4'],
  ['mxfp4', 'MXFP4'],
  ['nvfp4', 'NVFP4'],
];
/** @type {ReadonlyArray<readonly [string, string]>} */
const KV_OPTIONS = WEIGHT_OPTIONS.slice(0, 5);

/** Model, GPU and precisions: the grid at the top (the throughput form shares them). */
/** @type {import('./fields.js').FieldSpec[]} */
export const INFERENCE_TARGET_FIELDS = [
  { id: 'inf-model', name: 'model', label: 'Model', kind: 'catalog', path: null },
  { id: 'inf-gpu', name: 'gpu', label: 'GPU', kind: 'catalog' },
  { id: 'inf-weights', name: 'weights', label: 'Weight precision', kind: 'select', path: 'precision.weights', options: WEIGHT_OPTIONS, value: 'fp8' },
  { id: 'inf-kv', name: 'kvCache', label: 'KV-cache precision', kind: 'select', path: 'precision.kvCache', options: KV_OPTIONS, value: 'fp8' },
];

/** @type {import('./fields.js').FieldSpec[]} */
export const INFERENCE_WORKLOAD_FIELDS = [
  {
    id: 'inf-input',
    name: 'inputTokensPerDay',
    label: 'Input tokens per day',
    kind: 'quantity',
    path: 'workload.inputTokensPerDay',
    required: true,
    value: '100e9',
    hint: 'e.g. 608e9 or 608B',
  },
  { id: 'inf-hit', name: 'cacheHitRate', label: 'Cache-hit rate (0–1)', kind: 'quantity', path: 'workload.cacheHitRate', value: '0.5' },
  {
    id: 'inf-output',
    name: 'outputTokensPerDay',
    label: 'Output tokens per day',
    kind: 'quantity',
    path: 'workload.outputTokensPerDay',
    required: true,
    value: '30e9',
  },
  {
    id: 'inf-context',
    name: 'averageContextTokens',
    label: 'Average context (tokens)',
    kind: 'quantity',
    path: 'workload.averageContextTokens',
    value: '4096',
  },
  { id: 'inf-peak', name: 'peakToAverage', label: 'Peak-to-average load', kind: 'quantity', path: 'workload.peakToAverage', value: '1.5' },
];

/** @type {import('./fields.js').FieldSpec[]} */
export const INFERENCE_SLO_FIELDS = [
  {
    id: 'inf-speed',
    name: 'minOutputTokensPerSecondPerUser',
    label: 'Min output tokens/s per user',
    kind: 'quantity',
    path: 'slo.minOutputTokensPerSecondPerUser',
    value: '20',
  },
  { id: 'inf-ttft', name: 'maxTtftMs', label: 'Max TTFT (ms, optional)', kind: 'quantity', path: 'slo.maxTtftMs' },
  { id: 'inf-price', name: 'pricePerGpuHourUsd', label: 'Price per GPU-hour (USD)', kind: 'quantity', value: '2' },
];

/** The utilisation the API sizes instances at when the form leaves it empty (fitted on DeepSeek's Day-6 disclosure). */
export const DEFAULT_UTILIZATION = 0.493;

/** Hours in the daily load shape. */
export const HOURS = 24;

/** @type {import('./fields.js').FieldSpec[]} */
export const INFERENCE_FLEET_FIELDS = [
  {
    id: 'inf-mode',
    name: 'mode',
    label: 'Serving mode',
    kind: 'select',
    path: 'deployment.mode',
    options: [
      ['auto', 'Auto: compare both, pick the cheaper'],
      ['disaggregated', 'Disaggregated prefill / decode pools'],
      ['aggregated', 'Aggregated (one pool serves both)'],
    ],
    value: 'auto',
    // plans saved without a mode were planned when the API defaulted to disaggregated
    toText: (value) => (typeof value === 'string' ? value : 'disaggregated'),
  },
  {
    id: 'inf-utilization',
    name: 'utilization',
    label: 'Utilisation (0–1, optional)',
    kind: 'quantity',
    path: 'workload.utilization',
    placeholder: String(DEFAULT_UTILIZATION),
    hint: `Share of engine capacity instances are sized at; default ${DEFAULT_UTILIZATION}, fitted on DeepSeek’s Day-6 disclosure`,
  },
  {
    id: 'inf-min-instances',
    name: 'minInstances',
    label: 'Minimum instances per pool',
    kind: 'quantity',
    path: 'deployment.minInstances',
    inputmode: 'numeric',
    placeholder: '1',
    hint: 'Kept running every hour, even when idle; default 1',
  },
  {
    id: 'inf-hourly',
    name: 'hourlyLoad',
    label: 'Hourly load (24 values, optional)',
    kind: 'list',
    path: 'workload.hourlyLoad',
    count: HOURS,
    min: 0,
    wide: true,
    placeholder: 'e.g. 0.6, 0.5, 0.5, … one relative load per hour, 00h to 23h',
    hint: 'Comma-separated, each ≥ 0, any scale (normalised to the daily volume); replaces the peak-to-average shape',
  },
];

/** Under "Pin deployment layouts": a pool's layout is used only when its four sizes are all given. */
export const INFERENCE_PREFILL_FIELDS = layoutFieldSpecs({
  path: 'deployment.prefill',
  namePrefix: 'prefill.',
  labelPrefix: 'Prefill',
  idPrefix: 'inf-prefill-',
  redundantExperts: true,
});
export const INFERENCE_DECODE_FIELDS = layoutFieldSpecs({
  path: 'deployment.decode',
  namePrefix: 'decode.',
  labelPrefix: 'Decode',
  idPrefix: 'inf-decode-',
  redundantExperts: true,
});

/** @type {import('./fields.js').FieldSpec[]} */
export const INFERENCE_DECODING_FIELDS = [
  {
    id: 'inf-tbo',
    name: 'twoBatchOverlap',
    label: 'Two-batch overlap',
    kind: 'checkbox',
    path: 'deployment.twoBatchOverlap',
    value: 'on',
    // the API defaults to overlap on; only say so when it is turned off
    fromText: (text) => (text === 'on' ? undefined : false),
  },
  { id: 'inf-mtp-draft', name: 'mtpDraftTokens', label: 'MTP draft tokens (optional)', kind: 'quantity', path: 'deployment.mtp.draftTokens' },
  { id: 'inf-mtp-acceptance', name: 'mtpAcceptance', label: 'MTP acceptance rate (0–1)', kind: 'quantity', path: 'deployment.mtp.acceptance' },
];

/** Every field of the plan form, in reading order. */
export const INFERENCE_FIELDS = [
  ...INFERENCE_TARGET_FIELDS,
  ...INFERENCE_WORKLOAD_FIELDS,
  ...INFERENCE_SLO_FIELDS,
  ...INFERENCE_FLEET_FIELDS,
  ...INFERENCE_PREFILL_FIELDS,
  ...INFERENCE_DECODE_FIELDS,
  ...INFERENCE_DECODING_FIELDS,
];

/** data-fields container → its fields. */
export const INFERENCE_FIELD_GROUPS = {
  'inf-target': INFERENCE_TARGET_FIELDS,
  'inf-workload': INFERENCE_WORKLOAD_FIELDS,
  'inf-slo': INFERENCE_SLO_FIELDS,
  'inf-fleet': INFERENCE_FLEET_FIELDS,
  'inf-prefill': INFERENCE_PREFILL_FIELDS,
  'inf-decode': INFERENCE_DECODE_FIELDS,
  'inf-decoding': INFERENCE_DECODING_FIELDS,
};
