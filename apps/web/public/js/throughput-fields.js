// The "Throughput at a point" form's fields, one description each (js/fields.js); the model, GPU
// and precisions are the plan form's (js/inference-fields.js).
import { layoutFieldSpecs } from './serving-layout-fields.js';

/** @type {import('./fields.js').FieldSpec[]} */
export const THROUGHPUT_FIELDS = [
  { id: 'thr-gpu-count', name: 'gpuCount', label: 'GPU count', kind: 'quantity', required: true, value: '16' },
  { id: 'thr-concurrency', name: 'concurrency', label: 'Concurrency (sequences in flight)', kind: 'quantity', required: true, value: '64' },
  { id: 'thr-input', name: 'inputTokens', label: 'Input tokens per request', kind: 'quantity', required: true, value: '4096' },
  { id: 'thr-output', name: 'outputTokens', label: 'Output tokens per request', kind: 'quantity', required: true, value: '1024' },
  { id: 'thr-hit', name: 'prefixCacheHitRate', label: 'Prefix-cache hit rate (0–1, optional)', kind: 'quantity' },
];

/** "Parallelism (optional — all four or none)". */
export const THROUGHPUT_LAYOUT_FIELDS = layoutFieldSpecs({
  path: 'parallelism',
  namePrefix: '',
  labelPrefix: 'Instance',
  ids: { attentionTp: 'thr-atp', attentionDp: 'thr-adp', moeTp: 'thr-mtp', moeEp: 'thr-mep' },
});
