// The "Inference" section: POST /v1/inference/plan — a serving fleet in whole instances
// (disaggregated prefill / decode pools or one aggregated pool) for a daily token volume,
// its cost, the alternatives, the decode Pareto frontier and launch settings. The fleet
// tables and the hourly chart are in js/fleet-view.js.
import { find, selectField } from './dom.js';
import { stackedBar } from './charts/stacked.js';
import { fieldTexts, readFields, renderFields } from './fields.js';
import { compactObject, localError, modelFields, modelTitle, optionLabel, readModel, shortGpuName } from './form.js';
import { DEFAULT_UTILIZATION, INFERENCE_FIELD_GROUPS, INFERENCE_FIELDS, INFERENCE_TARGET_FIELDS } from './inference-fields.js';
import { pinnedLayout } from './serving-layout-fields.js';
import { alternativesTable, comparisonTable, hourlyFigure, poolTables } from './fleet-view.js';
import { wirePlannerForm } from './planner-form.js';
import { compact, number, percent, usd } from './format.js';
import { paretoFigure } from './inference-pareto.js';
import { launchBlock } from './launch.js';
import { bandOf, chartFigure, el, figures, notes, statusBanner, warningList, warningsMatching } from './results.js';

/** @typedef {import('@gcp/contract').InferencePlanRequest} InferencePlanRequest */
/** @typedef {import('@gcp/contract').InferencePlanResponse} InferencePlanResponse */
/** @typedef {import('@gcp/contract').ServingLayout} ServingLayout */

/**
 * DeepSeek's V3/R1 service as disclosed on Open-Source-Week day 6 (2025-03-01): H800, FP8 weights,
 * BF16 KV cache, 608B input tokens/day (56.3 % cache hits), 168B output tokens/day, average KV
 * length 4,989, 20–22 tokens/s per user, 278 peak / 226.75 average nodes, prefill EP32 on 4 nodes,
 * decode EP144 on 18 nodes with 32 redundant experts, dual micro-batch overlap, MTP. The utilisation
 * default is the one fitted on this disclosure; one instance minimum, the default daily shape.
 * @type {InferencePlanRequest}
 */
export const DEEPSEEK_DAY6_REQUEST = {
  model: 'deepseek-v3',
  gpu: 'h800',
  precision: { weights: 'fp8', kvCache: 'bf16' },
  workload: {
    inputTokensPerDay: 608e9,
    cacheHitRate: 0.563,
    outputTokensPerDay: 168e9,
    averageContextTokens: 4989,
    peakToAverage: Math.round((278 / 226.75) * 1000) / 1000,
  },
  slo: { minOutputTokensPerSecondPerUser: 20 },
  pricePerGpuHourUsd: 2,
  deployment: {
    mode: 'disaggregated',
    prefill: { attentionTp: 1, attentionDp: 32, moeTp: 1, moeEp: 32, redundantExperts: 32 },
    decode: { attentionTp: 1, attentionDp: 144, moeTp: 1, moeEp: 144, redundantExperts: 32 },
    mtp: { draftTokens: 1, acceptance: 0.85 },
  },
};

/**
 * Model, GPU and precision of the plan form (the throughput sub-form shares them).
 * @returns {Pick<InferencePlanRequest, 'model' | 'gpu' | 'precision'>}
 */
export function readTarget(form) {
  return /** @type {Pick<InferencePlanRequest, 'model' | 'gpu' | 'precision'>} */ ({ model: readModel(form), ...readFields(form, INFERENCE_TARGET_FIELDS) });
}

/**
 * The form (INFERENCE_FIELDS) → POST /v1/inference/plan body (errors for local mistakes as
 * ApiRequestError(0, …)). The rules between fields: a pinned pool is all four sizes or none, and
 * an hourly load needs some load in some hour.
 * @returns {InferencePlanRequest}
 */
export function readRequest(form) {
  const fields = readFields(form, INFERENCE_FIELDS);
  const hourly = fields.workload.hourlyLoad;
  if (hourly && !hourly.some((value) => value > 0)) throw localError('workload.hourlyLoad', 'At least one hour needs some load');
  const deployment = fields.deployment;
  return /** @type {InferencePlanRequest} */ (
    compactObject({
      model: readModel(form),
      ...fields,
      deployment: {
        ...deployment,
        prefill: pinnedLayout(deployment.prefill, 'deployment.prefill'),
        decode: pinnedLayout(deployment.decode, 'deployment.decode'),
      },
    })
  );
}

/**
 * The inverse of readRequest: a saved request → {field name: value} for fillForm; every field is set ("" when absent).
 * @param {Partial<InferencePlanRequest>} request
 */
export function requestToFields(request) {
  return { ...modelFields(request.model), ...fieldTexts(request, INFERENCE_FIELDS) };
}

/** The preset's field values: its request through the same description. */
export const DEEPSEEK_DAY6 = requestToFields(DEEPSEEK_DAY6_REQUEST);

/**
 * "DeepSeek-V3 on H800 · 608 B in / 168 B out per day".
 * @param {InferencePlanRequest} request
 */
export function defaultPlanName(request, form) {
  const model = modelTitle(request.model, form);
  const gpu = shortGpuName(optionLabel(form && selectField(form, 'gpu'), request.gpu), request.gpu);
  const w = request.workload ?? /** @type {InferencePlanRequest['workload']} */ ({});
  return `${model} on ${gpu} · ${compact(w.inputTokensPerDay ?? 0)} in / ${compact(w.outputTokensPerDay ?? 0)} out per day`;
}

function costChart(plan, request) {
  const c = plan.costPerMillionTokensUsd ?? /** @type {InferencePlanResponse['costPerMillionTokensUsd']} */ ({});
  const w = request.workload;
  const hit = w.cacheHitRate ?? 0;
  if (![c.inputCacheHit, c.inputCacheMiss, c.output].every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  const segments = [
    { label: 'Prefill — cache-miss input', value: (w.inputTokensPerDay * (1 - hit) * c.inputCacheMiss) / 1e6 },
    { label: 'Prefill — cache-hit input (KV loads)', value: (w.inputTokensPerDay * hit * c.inputCacheHit) / 1e6 },
    { label: 'Decode — output', value: (w.outputTokensPerDay * c.output) / 1e6 },
  ];
  return chartFigure('Daily cost by phase', stackedBar(segments, { title: 'Daily cost by phase', format: usd, totalLabel: 'Per day' }), 'inf-cost-chart');
}

/** The headline's note on the utilisation: the API's default (and where it comes from) or the form's value. */
function utilizationNote(plan, request) {
  if (request.workload?.utilization !== undefined) return 'as entered: each hour gets whole instances at this share of engine capacity';
  if (plan.utilization === DEFAULT_UTILIZATION) return 'the default, fitted on DeepSeek’s Day-6 disclosure (a fit, not a validation)';
  return 'the API’s default';
}

function statusText(plan, request) {
  const auto = request.deployment?.mode === 'auto' && plan.comparison ? ' Auto: the cheaper mode in whole instances.' : '';
  return plan.mode === 'aggregated' ? `Feasible: the aggregated pool fits and meets the SLO.${auto}` : `Feasible: both pools fit and meet the SLO.${auto}`;
}

/** @param {HTMLElement} container @param {InferencePlanResponse} plan @param {InferencePlanRequest} request */
function render(container, plan, request) {
  const c = plan.costPerMillionTokensUsd ?? /** @type {InferencePlanResponse['costPerMillionTokensUsd']} */ ({});
  const launch = plan.launchSettings ?? {};
  const price = plan.pricePerGpuHourUsd ?? request.pricePerGpuHourUsd;
  const why = plan.explanations ?? {};
  const banner = statusBanner({
    ok: plan.feasible,
    okText: statusText(plan, request),
    badText: 'Not feasible:',
    reasons: plan.reasons,
    id: 'inference-status',
  });
  if (!plan.feasible) {
    // no fleet, cost or launch command for a plan that cannot meet its SLO: the reasons, what was weighed, and the frontier against the SLO
    container.replaceChildren(
      ...[
        banner,
        el('p', {
          class: 'note',
          id: 'inf-infeasible-note',
          text: 'No nodes, cost or launch settings: no layout meets this SLO on this GPU. Relax the SLO, or try another GPU, precision or mode.',
        }),
        alternativesTable(plan),
        comparisonTable(plan),
        paretoFigure(plan, request),
        notes('Assumptions', plan.assumptions),
      ].filter(Boolean),
    );
    return;
  }
  container.replaceChildren(
    ...[
      banner,
      // what makes this fleet expensive for its volume (idle minimum instances, a dearer mode asked for), above the numbers
      warningList(plan.warnings, 'inf-warnings'),
      figures([
        {
          id: 'inf-average-nodes',
          label: 'Average nodes',
          value: plan.averageNodes,
          format: (v) => `${number(v, 1)} nodes`,
          explain: why.averageNodes,
          band: bandOf(plan, 'averageNodes'),
        },
        { id: 'inf-peak-nodes', label: 'Peak nodes', value: plan.peakNodes, format: (v) => `${number(v, 0)} nodes`, explain: why.peakNodes },
        { id: 'inf-gpu-hours', label: 'GPU-hours per day', value: plan.gpuHoursPerDay, format: (v) => `${compact(v)} GPU-h`, explain: why.gpuHoursPerDay },
        {
          id: 'inf-daily-cost',
          label: 'Daily cost (whole instances, hour by hour)',
          value: plan.dailyCostUsd,
          format: usd,
          note: price !== undefined ? `at ${usd(price)} per GPU-hour` : undefined,
          explain: why.dailyCostUsd,
          band: bandOf(plan, 'dailyCostUsd'),
          warn: warningsMatching(plan.warnings, /capacity|idle|mode/i),
        },
        {
          id: 'inf-utilization-used',
          label: 'Utilisation (instances sized at)',
          value: plan.utilization,
          format: (v) => percent(v),
          note: plan.utilization !== undefined ? utilizationNote(plan, request) : undefined,
        },
        {
          id: 'inf-min-instances-used',
          label: 'Minimum instances per pool',
          value: plan.minInstances,
          format: (v) => number(v, 0),
          warn: warningsMatching(plan.warnings, /minimum|minInstances/i),
        },
        {
          id: 'inf-cost-hit',
          label: '$ per M input tokens (cache hit)',
          value: c.inputCacheHit,
          format: usd,
          explain: why['costPerMillionTokensUsd.inputCacheHit'],
        },
        {
          id: 'inf-cost-miss',
          label: '$ per M input tokens (cache miss)',
          value: c.inputCacheMiss,
          format: usd,
          explain: why['costPerMillionTokensUsd.inputCacheMiss'],
        },
        { id: 'inf-cost-output', label: '$ per M output tokens', value: c.output, format: usd, explain: why['costPerMillionTokensUsd.output'] },
      ]),
      ...poolTables(plan),
      hourlyFigure(plan),
      alternativesTable(plan),
      comparisonTable(plan),
      costChart(plan, request),
      paretoFigure(plan, request),
      el('h4', { text: 'Launch settings' }),
      el(
        'div',
        { class: 'launch-grid', id: 'inf-launch' },
        plan.mode !== 'aggregated' && launch.prefill ? launchBlock('Prefill', launch.prefill, request.model) : undefined,
        plan.mode !== 'aggregated' && launch.decode ? launchBlock('Decode', launch.decode, request.model) : undefined,
        plan.aggregated?.launchSettings ? launchBlock('Aggregated', plan.aggregated.launchSettings, request.model) : undefined,
      ),
      notes('Assumptions', plan.assumptions),
    ].filter(Boolean),
  );
}

export function initInference(root = document.getElementById('inference')) {
  for (const [group, specs] of Object.entries(INFERENCE_FIELD_GROUPS)) renderFields(find(root, `[data-fields="${group}"]`, HTMLElement), specs);
  return wirePlannerForm({
    form: root.querySelector('#inference-form'),
    errorBox: root.querySelector('#inference-error'),
    result: root.querySelector('#inference-result'),
    endpoint: '/v1/inference/plan',
    readRequest,
    render: render,
    preset: { button: root.querySelector('[data-preset="deepseek-day6"]'), values: DEEPSEEK_DAY6, open: find(root, '#inf-deployment', HTMLDetailsElement) },
    catalogDefaults: { model: 'deepseek-v3', gpu: 'h800' },
    key: 'inf',
    plannerLabel: 'Inference plans',
    aliases: {
      deployment: 'mode',
      workload: 'inputTokensPerDay',
      slo: 'minOutputTokensPerSecondPerUser',
      'deployment.mtp': 'mtpDraftTokens',
      'deployment.mtp.draftTokens': 'mtpDraftTokens',
      'deployment.mtp.acceptance': 'mtpAcceptance',
    },
    saving: { kind: 'inference', defaultName: defaultPlanName, requestToFields, details: find(root, '#inf-deployment', HTMLDetailsElement) },
  });
}
