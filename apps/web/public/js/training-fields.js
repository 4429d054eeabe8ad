// The "Training" form's fields, one description each (js/fields.js): markup, request reader,
// refill and preset all come from it. The programme editor (js/programme.js) reads the shared ones.
import { globalBatchText, PRECISION_OPTIONS } from './field-options.js';
import { quantityText } from './form.js';

const RUN = { mode: 'run' };

/** @type {import('./fields.js').FieldSpec[]} */
export const TRAINING_FIELDS = [
  { id: 'tr-model', name: 'model', label: 'Model', kind: 'catalog', path: null },
  { id: 'tr-gpu', name: 'gpu', label: 'GPU', kind: 'catalog' },
  { id: 'tr-gpu-count', name: 'gpuCount', label: 'GPU count', kind: 'quantity', required: true, value: '1024' },
  { id: 'tr-tokens', name: 'tokens', label: 'Training tokens', kind: 'quantity', required: true, value: '1e12', hint: 'e.g. 14.8e12 or 14.8T', data: RUN },
  { id: 'tr-sequence-length', name: 'sequenceLength', label: 'Sequence length (tokens)', kind: 'quantity', required: true, value: '4096', data: RUN },
  {
    id: 'tr-global-batch',
    name: 'globalBatchTokens',
    label: 'Global batch (tokens, optional)',
    kind: 'quantity',
    hint: 'e.g. 15360 × 4096; default 4M tokens',
    data: RUN,
    toText: globalBatchText,
  },
  { id: 'tr-precision', name: 'precision', label: 'Training precision', kind: 'select', options: PRECISION_OPTIONS, value: 'bf16' },
  {
    id: 'tr-optimizer',
    name: 'optimizerStatePrecision',
    label: 'Optimizer-state precision',
    kind: 'select',
    options: [
      ['fp32', 'FP32 Adam moments'],
      ['bf16', 'BF16 Adam moments'],
    ],
    value: 'fp32',
  },
  {
    id: 'tr-gradients',
    name: 'gradientPrecision',
    label: 'Gradient precision',
    kind: 'select',
    // '' sends nothing: the planner's default, FP32
    options: [
      ['', 'FP32 gradients (default; Megatron, FSDP)'],
      ['bf16', 'BF16 gradients (NeMo / Megatron-Bridge recipes)'],
    ],
    value: '',
  },
  {
    id: 'tr-fp8-scaling',
    name: 'fp8Scaling',
    label: 'FP8 scaling (FP8 only)',
    kind: 'select',
    // '' sends nothing: the planner's default, delayed
    options: [
      ['', 'Delayed: amax history (default; Transformer Engine)'],
      ['blockwise', 'Blockwise: per-tile scales (DeepSeek-V3)'],
      ['current', 'Current: per-tensor amax pass (FP8-CS, torchao)'],
    ],
    value: '',
  },
  { id: 'tr-price', name: 'pricePerGpuHourUsd', label: 'Price per GPU-hour (USD)', kind: 'quantity', value: '2' },
];

const SEARCHED = /** @type {const} */ (['', 'searched']);

/** Under "Fix or constrain the parallel layout": all four sizes pin a layout, fewer constrain the search (training.js readRequest). */
/** @type {import('./fields.js').FieldSpec[]} */
export const TRAINING_LAYOUT_FIELDS = [
  { id: 'tr-tp', name: 'tp', label: 'Tensor parallel (TP)', kind: 'quantity', path: 'parallelism.tp' },
  { id: 'tr-pp', name: 'pp', label: 'Pipeline parallel (PP)', kind: 'quantity', path: 'parallelism.pp' },
  { id: 'tr-dp', name: 'dp', label: 'Data parallel (DP)', kind: 'quantity', path: 'parallelism.dp' },
  { id: 'tr-ep', name: 'ep', label: 'Expert parallel (EP)', kind: 'quantity', path: 'parallelism.ep' },
  {
    id: 'tr-zero',
    name: 'zero',
    label: 'ZeRO stage',
    kind: 'select',
    path: 'parallelism.zero',
    options: [SEARCHED, ['0', '0'], ['1', '1'], ['2', '2'], ['3', '3']],
    value: '',
    fromText: (text) => (text === '' ? undefined : Number(text)),
    toText: (value) => quantityText(value),
  },
  { id: 'tr-micro-batch', name: 'microBatchSize', label: 'Micro-batch size (sequences)', kind: 'quantity', path: 'parallelism.microBatchSize' },
  {
    id: 'tr-schedule',
    name: 'schedule',
    label: 'Pipeline schedule',
    kind: 'select',
    path: 'parallelism.schedule',
    options: [SEARCHED, ['1f1b', '1F1B'], ['interleaved', 'Interleaved 1F1B'], ['dualpipe', 'DualPipe'], ['zerobubble', 'Zero-bubble (ZB-H1)']],
    value: '',
  },
];
