// The "Training" section: POST /v1/training/plan — headline numbers, step-time
// breakdown, memory per GPU vs HBM, alternatives and rejected layouts.
import { find, selectField } from './dom.js';
import { stackedBar } from './charts/stacked.js';
import { fieldTexts, readFields, renderFields } from './fields.js';
import { compactObject, modelFields, modelTitle, optionLabel, readModel, shortGpuName } from './form.js';
import { TRAINING_FIELDS, TRAINING_LAYOUT_FIELDS } from './training-fields.js';
import { wirePlannerForm } from './planner-form.js';
import { compact, days, gigabytes, number, percent, seconds, tokensPerSecond, usd } from './format.js';
import { trainingLayout } from './layouts.js';
import { bandOf, chartFigure, el, figures, notes, statusBanner, table, warningList, warningsMatching } from './results.js';

/** @typedef {import('@gcp/contract').TrainingPlanRequest} TrainingPlanRequest */
/** @typedef {import('@gcp/contract').TrainingPlanResponse} TrainingPlanResponse */

/**
 * DeepSeek-V3 as published: V3 report §3.1–3.3 (2048 H800, DualPipe PP16 × EP64, ZeRO-1, FP8), §4.2 (14.8T tokens, batch 15360 × 4096).
 * @type {TrainingPlanRequest}
 */
export const DEEPSEEK_V3_RUN_REQUEST = {
  model: 'deepseek-v3',
  gpu: 'h800',
  gpuCount: 2048,
  tokens: 14.8e12,
  sequenceLength: 4096,
  globalBatchTokens: 15360 * 4096,
  precision: 'fp8',
  optimizerStatePrecision: 'bf16',
  pricePerGpuHourUsd: 2,
  parallelism: { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe' },
};

const FIELDS = [...TRAINING_FIELDS, ...TRAINING_LAYOUT_FIELDS];
const LAYOUT_SIZES = /** @type {const} */ (['tp', 'pp', 'dp', 'ep']);

/** @type {ReadonlyArray<readonly [string, (t: TrainingPlanResponse['timeBreakdown']) => number | undefined]>} */
const TIME_PARTS = [
  ['Compute', (t) => t.compute],
  ['Exposed TP comm', (t) => t.exposedCommunication?.tensorParallel],
  ['Exposed CP comm', (t) => t.exposedCommunication?.contextParallel],
  ['Exposed expert all-to-all', (t) => t.exposedCommunication?.expertAllToAll],
  ['Exposed pipeline sends', (t) => t.exposedCommunication?.pipelineSend],
  ['Exposed DP comm', (t) => t.exposedCommunication?.dataParallel],
  ['Pipeline bubble', (t) => t.pipelineBubble],
  ['Optimizer step', (t) => t.optimizerStep],
];

/** @type {ReadonlyArray<readonly [string, 'weights' | 'fp8WeightCopies' | 'gradients' | 'optimizerStates' | 'activations' | 'transient']>} */
const MEMORY_PARTS = [
  ['Weights', 'weights'],
  ['FP8 weight copies', 'fp8WeightCopies'],
  ['Gradients', 'gradients'],
  ['Optimizer states', 'optimizerStates'],
  ['Activations', 'activations'],
  ['Buffers & reserve', 'transient'],
];

/**
 * The form (TRAINING_FIELDS, TRAINING_LAYOUT_FIELDS) → POST /v1/training/plan body. The layout
 * fields pin a layout when TP, PP, DP and EP are all given (`parallelism`); any other fields given
 * constrain the search (`layoutConstraints`: every searched layout keeps them); none, a free search.
 * @returns {TrainingPlanRequest}
 */
export function readRequest(form) {
  const fields = readFields(form, FIELDS);
  const layout = compactObject(fields.parallelism);
  const given = LAYOUT_SIZES.filter((key) => layout[key] !== undefined).length;
  const pinned = given === LAYOUT_SIZES.length;
  const constrained = !pinned && Object.keys(layout).length > 0;
  return /** @type {TrainingPlanRequest} */ (
    compactObject({ model: readModel(form), ...fields, parallelism: pinned ? layout : undefined, layoutConstraints: constrained ? layout : undefined })
  );
}

/**
 * The inverse of readRequest: a saved request → {field name: value} for fillForm; every field is set ("" when absent).
 * @param {Partial<TrainingPlanRequest>} request
 */
export function requestToFields(request) {
  // constraints fill the same layout fields a pinned layout does
  const layout = request.parallelism ?? request.layoutConstraints;
  return { ...modelFields(request.model), ...fieldTexts({ ...request, parallelism: layout }, FIELDS) };
}

/** The preset's field values: its request through the same description. */
export const DEEPSEEK_V3_RUN = requestToFields(DEEPSEEK_V3_RUN_REQUEST);

/**
 * "DeepSeek-V3 on 2,048 H800" — model and GPU as the form's selects name them.
 * @param {TrainingPlanRequest} request
 */
export function defaultPlanName(request, form) {
  const model = modelTitle(request.model, form);
  const gpu = shortGpuName(optionLabel(form && selectField(form, 'gpu'), request.gpu), request.gpu);
  return `${model} on ${number(request.gpuCount, 0)} ${gpu}`;
}

/** @param {HTMLElement} container @param {TrainingPlanResponse} plan @param {string} gpuName */
function render(container, plan, gpuName) {
  const ok = plan.feasible && plan.fits;
  const layoutText = trainingLayout(plan.parallelism);
  const badText = plan.feasible ? 'This layout does not fit:' : 'No layout fits — the closest one is shown:';
  const time = plan.timeBreakdown ?? /** @type {TrainingPlanResponse['timeBreakdown']} */ ({});
  const memory = plan.memoryPerGpuBytes ?? /** @type {TrainingPlanResponse['memoryPerGpuBytes']} */ ({});
  const capacity = plan.hbmCapacityBytes;
  const rejected = Object.entries(plan.rejectedLayouts ?? {}).sort((a, b) => b[1] - a[1]);
  const counts = [
    plan.layoutsConsidered !== undefined ? `${number(plan.layoutsConsidered, 0)} layouts considered` : undefined,
    plan.layoutsTimed !== undefined ? `${number(plan.layoutsTimed, 0)} timed` : undefined,
    plan.layoutsPruned !== undefined ? `${number(plan.layoutsPruned, 0)} pruned` : undefined,
  ]
    .filter(Boolean)
    .join(', ');

  const why = plan.explanations ?? {};
  const memoryChart = chartFigure(
    'Memory per GPU vs HBM capacity',
    stackedBar(
      MEMORY_PARTS.map(([label, key]) => ({ label, value: memory[key] ?? 0 })),
      {
        title: 'Memory per GPU',
        format: gigabytes,
        totalLabel: 'Per GPU',
        ...(capacity ? { capacity: { label: 'HBM', value: capacity } } : {}),
      },
    ),
    'tr-memory-chart',
  );
  const banner = statusBanner({
    ok,
    okText: `Fits on ${number(plan.gpuCount ?? 0, 0)} × ${gpuName}: ${layoutText}`,
    badText,
    reasons: plan.reasons,
    id: 'training-status',
  });
  if (!ok) {
    // no figure of a plan that cannot run: the reasons, then what does not fit and what was tried
    container.replaceChildren(
      ...[
        banner,
        el('p', {
          class: 'note',
          id: 'tr-infeasible-note',
          text: `No GPU-hours, time or cost: ${layoutText} does not fit in memory, so it is no plan. Change the GPU count, the GPU, the precision or the layout.`,
        }),
        memoryChart,
        el('h4', { text: 'Rejected layouts' }),
        rejected.length > 0
          ? el('ul', { class: 'counts', id: 'tr-rejected' }, ...rejected.map(([reason, n]) => el('li', {}, el('strong', { text: number(n, 0) }), ` ${reason}`)))
          : el('p', { class: 'note', id: 'tr-rejected', text: 'None rejected.' }),
      ].filter(Boolean),
    );
    return;
  }
  container.replaceChildren(
    ...[
      banner,
      // inputs that waste the cluster (too small a batch, a pinned layout far from the best), above the numbers
      warningList(plan.warnings, 'tr-warnings'),
      figures([
        {
          id: 'tr-gpu-hours',
          label: 'GPU-hours',
          value: plan.gpuHours,
          format: (v) => `${compact(v)} GPU-h`,
          explain: why.gpuHours,
          band: bandOf(plan, 'gpuHours'),
          warn: warningsMatching(plan.warnings, /layout/i),
        },
        { id: 'tr-days', label: 'Wall-clock', value: plan.wallClockDays, format: days, explain: why.wallClockDays },
        {
          id: 'tr-cost',
          label: 'Cost',
          value: plan.costUsd,
          format: usd,
          note: plan.pricePerGpuHourUsd !== undefined ? `at ${usd(plan.pricePerGpuHourUsd)} per GPU-hour` : undefined,
          explain: why.costUsd,
        },
        {
          id: 'tr-throughput',
          label: 'Throughput per GPU',
          value: plan.tokensPerSecondPerGpu,
          format: tokensPerSecond,
          explain: why.tokensPerSecondPerGpu,
          band: bandOf(plan, 'tokensPerSecondPerGpu'),
          warn: warningsMatching(plan.warnings, /batch/i),
        },
        {
          id: 'tr-step',
          label: 'Step time',
          value: plan.stepTimeSeconds,
          format: seconds,
          note: plan.steps !== undefined ? `${compact(plan.steps)} steps` : undefined,
          explain: why.stepTimeSeconds,
        },
        { id: 'tr-mfu', label: 'MFU (BF16 peak basis)', value: plan.mfu, format: (v) => percent(v), explain: why.mfu },
        {
          id: 'tr-memory',
          label: 'Memory per GPU',
          value: memory.total,
          format: gigabytes,
          note: capacity ? `of ${gigabytes(capacity)} HBM` : undefined,
          explain: why['memoryPerGpuBytes.total'],
        },
      ]),
      el(
        'p',
        { class: 'note', id: 'tr-layout-text' },
        el('strong', { text: 'Layout: ' }),
        layoutText,
        ` — bottleneck: ${plan.bottleneck ?? 'n/a'}.`,
        plan.microBatchesPerStep ? ` ${number(plan.microBatchesPerStep, 0)} micro-batches per step.` : '',
      ),
      chartFigure(
        'Step time breakdown (seconds per optimizer step)',
        stackedBar(
          TIME_PARTS.map(([label, pick]) => ({ label, value: pick(time) ?? 0 })),
          { title: 'Step time breakdown', format: seconds, totalLabel: 'Step time' },
        ),
        'tr-time-chart',
      ),
      time.overlappedCommunication
        ? el('p', { class: 'note', text: `Communication hidden behind compute: ${seconds(time.overlappedCommunication)} per step (not in the bar).` })
        : undefined,
      memoryChart,
      alternativesTable(plan.alternatives ?? []),
      el('h4', { text: 'Rejected layouts' }),
      rejected.length > 0
        ? el('ul', { class: 'counts', id: 'tr-rejected' }, ...rejected.map(([reason, n]) => el('li', {}, el('strong', { text: number(n, 0) }), ` ${reason}`)))
        : el('p', { class: 'note', id: 'tr-rejected', text: 'None rejected.' }),
      counts ? el('p', { class: 'note', text: `${counts}.` }) : undefined,
      notes('Assumptions', [...(plan.mfuBasis ? [`MFU: ${plan.mfuBasis}`] : []), ...(plan.assumptions ?? [])]),
    ].filter(Boolean),
  );
}

function alternativesTable(alternatives) {
  if (alternatives.length === 0) {
    return el(
      'div',
      {},
      el('h4', { text: 'Alternatives' }),
      el('p', { class: 'note', id: 'tr-alternatives', text: 'No alternatives (the layout was fixed, or nothing else fits).' }),
    );
  }
  return el(
    'div',
    {},
    el('h4', { text: 'Alternatives' }),
    table(
      ['Layout', 'Step time', 'Tokens/s per GPU', 'MFU', 'GPU-hours', 'Memory per GPU', 'Bottleneck'],
      alternatives.map((a) => [
        trainingLayout(a.parallelism),
        seconds(a.stepTimeSeconds),
        a.tokensPerSecondPerGpu !== undefined ? tokensPerSecond(a.tokensPerSecondPerGpu) : '—',
        a.mfu !== undefined ? percent(a.mfu) : '—',
        `${compact(a.gpuHours)} GPU-h`,
        a.memoryPerGpuBytes !== undefined ? gigabytes(a.memoryPerGpuBytes) : '—',
        a.bottleneck ?? '—',
      ]),
      { id: 'tr-alternatives' },
    ),
  );
}

export function initTraining(root = document.getElementById('training')) {
  renderFields(find(root, '[data-fields="tr"]', HTMLElement), TRAINING_FIELDS);
  renderFields(find(root, '[data-fields="tr-layout"]', HTMLElement), TRAINING_LAYOUT_FIELDS);
  return wirePlannerForm({
    form: find(root, '#training-form', HTMLFormElement),
    errorBox: root.querySelector('#training-error'),
    result: root.querySelector('#training-result'),
    endpoint: '/v1/training/plan',
    readRequest,
    render: (result, response, request) =>
      render(result, response, selectField(find(root, '#training-form', HTMLFormElement), 'gpu').selectedOptions[0]?.textContent ?? request.gpu),
    preset: { button: root.querySelector('[data-preset="deepseek-v3-run"]'), values: DEEPSEEK_V3_RUN, open: find(root, '#tr-layout', HTMLDetailsElement) },
    catalogDefaults: { model: 'deepseek-v3', gpu: 'h800' },
    key: 'tr',
    plannerLabel: 'Training plans',
    aliases: { parallelism: 'tp', 'parallelism.cp': 'tp', layoutConstraints: 'tp', 'layoutConstraints.cp': 'tp' },
    saving: { kind: 'training', defaultName: defaultPlanName, requestToFields, details: find(root, '#tr-layout', HTMLDetailsElement) },
  });
}
