// The "Audit a claim" form's fields, one description each (js/fields.js): markup, request reader,
// refill and preset all come from it.
import { globalBatchText, PRECISION_OPTIONS } from './field-options.js';

/** @type {import('./fields.js').FieldSpec[]} */
export const AUDIT_FIELDS = [
  { id: 'au-model', name: 'model', label: 'Model', kind: 'catalog', path: null },
  { id: 'au-gpu', name: 'gpu', label: 'GPU', kind: 'catalog' },
  { id: 'au-gpu-count', name: 'gpuCount', label: 'GPU count', kind: 'quantity', required: true, value: '2048' },
  { id: 'au-tokens', name: 'tokens', label: 'Training tokens', kind: 'quantity', required: true, hint: 'e.g. 14.8e12 or 14.8T' },
  { id: 'au-precision', name: 'precision', label: 'Training precision', kind: 'select', options: PRECISION_OPTIONS, value: 'bf16' },
  { id: 'au-sequence-length', name: 'sequenceLength', label: 'Sequence length (tokens, optional)', kind: 'quantity', placeholder: '4096' },
  {
    id: 'au-global-batch',
    name: 'globalBatchTokens',
    label: 'Global batch (tokens, optional)',
    kind: 'quantity',
    hint: 'e.g. 15360 × 4096; for the planner’s prediction',
    toText: globalBatchText,
  },
  { id: 'au-gpu-hours', name: 'gpuHours', label: 'Claimed GPU-hours', kind: 'quantity', hint: 'e.g. 2.664M; or give the days' },
  { id: 'au-days', name: 'days', label: 'Claimed wall-clock days', kind: 'quantity', hint: 'Only when GPU-hours are not given' },
  { id: 'au-cost', name: 'costUsd', label: 'Claimed cost (USD, optional)', kind: 'quantity', hint: 'e.g. 5.328M' },
];
