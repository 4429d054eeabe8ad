// The "RL post-training" form's fields, one description each (js/fields.js): markup, request
// reader, refill and preset all come from it.
import { PRECISION_OPTIONS } from './field-options.js';

/** A reward / reference model: "policy" (the policy's architecture: left out of the body) or "none" (null). */
const AUXILIARY = {
  options: /** @type {ReadonlyArray<readonly [string, string]>} */ ([]),
  fromText: (text) => (text === 'none' ? null : undefined),
  toText: (value) => (value === null ? 'none' : 'policy'),
  value: 'policy',
};

/** @type {import('./fields.js').FieldSpec[]} */
export const RL_FIELDS = [
  { id: 'rl-model', name: 'model', label: 'Policy model', kind: 'catalog', path: null },
  { id: 'rl-gpu', name: 'gpu', label: 'GPU', kind: 'catalog' },
  { id: 'rl-gpu-count', name: 'gpuCount', label: 'GPU count', kind: 'quantity', required: true, value: '64' },
  { id: 'rl-steps', name: 'steps', label: 'RL steps', kind: 'quantity', required: true, value: '200' },
  { id: 'rl-prompts', name: 'promptsPerStep', label: 'Prompts per step', kind: 'quantity', required: true, value: '512' },
  { id: 'rl-group', name: 'groupSize', label: 'Samples per prompt (group size)', kind: 'quantity', required: true, value: '16' },
  { id: 'rl-prompt-tokens', name: 'promptTokens', label: 'Prompt tokens', kind: 'quantity', required: true, value: '512' },
  { id: 'rl-response-tokens', name: 'responseTokens', label: 'Response tokens', kind: 'quantity', required: true, value: '4096' },
  {
    id: 'rl-max-response-tokens',
    name: 'maxResponseTokens',
    label: 'Longest response tokens',
    kind: 'quantity',
    placeholder: 'as the mean',
    hint: 'The generation cap: each synchronous step waits for its longest rollout (empty: every response the mean length)',
  },
  {
    ...AUXILIARY,
    id: 'rl-reward',
    name: 'rewardModel',
    label: 'Reward',
    kind: 'select',
    options: [
      ['policy', 'A reward model'],
      ['none', 'Rule-based'],
    ],
    hint: 'A reward model has the policy’s architecture; rule-based rewards need no forward pass',
  },
  { id: 'rl-precision', name: 'precision', label: 'Training precision', kind: 'select', options: PRECISION_OPTIONS, value: 'bf16' },
  { id: 'rl-price', name: 'pricePerGpuHourUsd', label: 'Price per GPU-hour (USD)', kind: 'quantity', value: '2' },
];

/** Under "Reference, critic and GPU split (optional)". */
/** @type {import('./fields.js').FieldSpec[]} */
export const RL_OPTION_FIELDS = [
  {
    ...AUXILIARY,
    id: 'rl-reference',
    name: 'referenceModel',
    label: 'KL reference model',
    kind: 'select',
    options: [
      ['policy', 'Frozen policy copy'],
      ['none', 'None (no KL term)'],
    ],
  },
  {
    id: 'rl-critic',
    name: 'criticModel',
    label: 'PPO critic model',
    kind: 'select',
    // the catalog's models are added once it is loaded (rl.js)
    options: [['', 'Same architecture as the policy']],
    value: '',
    toText: (value) => (typeof value === 'string' ? value : ''),
  },
  {
    id: 'rl-share',
    name: 'generationGpuShare',
    label: 'Generation GPU share (0–1)',
    kind: 'quantity',
    placeholder: '1',
    hint: '1: every GPU generates, then every GPU trains; below 1: separate pools',
  },
  { id: 'rl-mini-batches', name: 'miniBatchesPerStep', label: 'Mini-batches per step', kind: 'quantity', placeholder: '1' },
];
