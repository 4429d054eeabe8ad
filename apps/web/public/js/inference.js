// The "Inference" section: POST /v1/inference/plan — a serving fleet in whole instances
// (disaggregated prefill / decode pools or one aggregated pool) for a daily token volume,
// its cost, the alternatives, the decode Pareto frontier and launch settings. The fleet
// tables and the hourly chart are in js/fleet-view.js.
import { field, find, selectField } from './dom.js';
import { stackedBar } from './charts/stacked.js';
import { compactObject, localError, modelFields, modelTitle, optionLabel, quantityText, readModel, readNumber, readNumberList, shortGpuName } from './form.js';
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
 * decode EP144 on 18 nodes with 32 redundant experts, dual micro-batch overlap, MTP.
 */
export const DEEPSEEK_DAY6 = {
  model: 'deepseek-v3',
  modelConfig: '',
  modelName: '',
  gpu: 'h800',
  weights: 'fp8',
  kvCache: 'bf16',
  inputTokensPerDay: '608e9',
  cacheHitRate: '0.563',
  outputTokensPerDay: '168e9',
  averageContextTokens: '4989',
  peakToAverage: String(Math.round((278 / 226.75) * 1000) / 1000),
  minOutputTokensPerSecondPerUser: '20',
  maxTtftMs: '',
  pricePerGpuHourUsd: '2',
  'prefill.attentionTp': '1',
  'prefill.attentionDp': '32',
  'prefill.moeTp': '1',
  'prefill.moeEp': '32',
  'prefill.redundantExperts': '32',
  'decode.attentionTp': '1',
  'decode.attentionDp': '144',
  'decode.moeTp': '1',
  'decode.moeEp': '144',
  'decode.redundantExperts': '32',
  twoBatchOverlap: true,
  mtpDraftTokens: '1',
  mtpAcceptance: '0.85',
  mode: 'disaggregated',
  // the utilisation default is the one fitted on this disclosure; one instance minimum, the default daily shape
  utilization: '',
  minInstances: '',
  hourlyLoad: '',
};

/** The utilisation the API sizes instances at when the form leaves it empty (fitted on DeepSeek's Day-6 disclosure). */
export const DEFAULT_UTILIZATION = 0.509;
const HOURS = 24;

/** workload.hourlyLoad: 24 relative loads ≥ 0, at least one of them positive (any scale; the API normalises). */
function readHourlyLoad(form) {
  const path = 'workload.hourlyLoad';
  const values = readNumberList(form, 'hourlyLoad', { path, count: HOURS, min: 0 });
  if (values && !values.some((value) => value > 0)) throw localError(path, 'At least one hour needs some load');
  return values;
}

/** {attentionTp, attentionDp, moeTp, moeEp[, redundantExperts]} from fields `${prefix}.…`; undefined when all four are empty. */
export function readLayout(form, prefix, path) {
  const layout = {};
  for (const key of ['attentionTp', 'attentionDp', 'moeTp', 'moeEp']) {
    layout[key] = readNumber(form, `${prefix}${key}`, { path: `${path}.${key}` });
  }
  const given = Object.values(layout).filter((value) => value !== undefined).length;
  const redundant = form.elements.namedItem(`${prefix}redundantExperts`)
    ? readNumber(form, `${prefix}redundantExperts`, { path: `${path}.redundantExperts` })
    : undefined;
  if (given === 0) {
    if (redundant !== undefined) throw localError(path, 'Redundant experts need the four layout sizes too');
    return undefined;
  }
  if (given < 4) throw localError(path, 'Give attention TP, attention DP, MoE TP and MoE EP — or none of them to search');
  return { ...layout, ...(redundant !== undefined ? { redundantExperts: redundant } : {}) };
}

/**
 * Model, GPU and precision of the plan form (the throughput sub-form shares them).
 * @returns {Pick<InferencePlanRequest, 'model' | 'gpu' | 'precision'>}
 */
export function readTarget(form) {
  return {
    model: readModel(form),
    gpu: form.elements.gpu.value,
    precision: { weights: form.elements.weights.value, kvCache: form.elements.kvCache.value },
  };
}

/**
 * The form → POST /v1/inference/plan body (errors for local mistakes as ApiRequestError(0, …)).
 * @returns {InferencePlanRequest}
 */
export function readRequest(form) {
  const draft = readNumber(form, 'mtpDraftTokens', { path: 'deployment.mtp.draftTokens' });
  const acceptance = readNumber(form, 'mtpAcceptance', { path: 'deployment.mtp.acceptance' });
  const overlap = field(form, 'twoBatchOverlap').checked;
  // a layout left partly empty is the API's to reject (its 400 names the field)
  return /** @type {InferencePlanRequest} */ (
    compactObject({
      ...readTarget(form),
      workload: {
        inputTokensPerDay: readNumber(form, 'inputTokensPerDay', { path: 'workload.inputTokensPerDay', required: true }),
        cacheHitRate: readNumber(form, 'cacheHitRate', { path: 'workload.cacheHitRate' }),
        outputTokensPerDay: readNumber(form, 'outputTokensPerDay', { path: 'workload.outputTokensPerDay', required: true }),
        averageContextTokens: readNumber(form, 'averageContextTokens', { path: 'workload.averageContextTokens' }),
        peakToAverage: readNumber(form, 'peakToAverage', { path: 'workload.peakToAverage' }),
        hourlyLoad: readHourlyLoad(form),
        utilization: readNumber(form, 'utilization', { path: 'workload.utilization' }),
      },
      slo: {
        minOutputTokensPerSecondPerUser: readNumber(form, 'minOutputTokensPerSecondPerUser', { path: 'slo.minOutputTokensPerSecondPerUser' }),
        maxTtftMs: readNumber(form, 'maxTtftMs', { path: 'slo.maxTtftMs' }),
      },
      pricePerGpuHourUsd: readNumber(form, 'pricePerGpuHourUsd'),
      deployment: {
        // always said: the API's default changed (disaggregated before, now "auto" unless pools are pinned)
        mode: form.elements.mode.value,
        minInstances: readNumber(form, 'minInstances', { path: 'deployment.minInstances' }),
        prefill: readLayout(form, 'prefill.', 'deployment.prefill'),
        decode: readLayout(form, 'decode.', 'deployment.decode'),
        // the API defaults to overlap on; only say so when it is turned off
        twoBatchOverlap: overlap ? undefined : false,
        mtp: draft !== undefined || acceptance !== undefined ? { draftTokens: draft, acceptance } : undefined,
      },
    })
  );
}

/** prefill / decode layout → its `${prefix}…` fields ("" when the pool is searched). */
function layoutFields(layout, prefix) {
  const fields = {};
  for (const key of ['attentionTp', 'attentionDp', 'moeTp', 'moeEp', 'redundantExperts']) fields[`${prefix}${key}`] = quantityText(layout?.[key]);
  return fields;
}

/**
 * The inverse of readRequest: a saved request → {field name: value} for fillForm; every field is set ("" when absent).
 * @param {Partial<InferencePlanRequest>} request
 */
export function requestToFields(request) {
  const workload = request.workload ?? /** @type {InferencePlanRequest['workload']} */ ({});
  const slo = request.slo ?? {};
  const deployment = request.deployment ?? {};
  return {
    ...modelFields(request.model),
    gpu: request.gpu ?? '',
    weights: request.precision?.weights ?? 'fp8',
    kvCache: request.precision?.kvCache ?? 'fp8',
    inputTokensPerDay: quantityText(workload.inputTokensPerDay),
    cacheHitRate: quantityText(workload.cacheHitRate),
    outputTokensPerDay: quantityText(workload.outputTokensPerDay),
    averageContextTokens: quantityText(workload.averageContextTokens),
    peakToAverage: quantityText(workload.peakToAverage),
    hourlyLoad: Array.isArray(workload.hourlyLoad) ? workload.hourlyLoad.map(quantityText).join(', ') : '',
    utilization: quantityText(workload.utilization),
    minOutputTokensPerSecondPerUser: quantityText(slo.minOutputTokensPerSecondPerUser),
    maxTtftMs: quantityText(slo.maxTtftMs),
    pricePerGpuHourUsd: quantityText(request.pricePerGpuHourUsd),
    // plans saved without a mode were planned when the API defaulted to disaggregated
    mode: deployment.mode ?? 'disaggregated',
    minInstances: quantityText(deployment.minInstances),
    ...layoutFields(deployment.prefill, 'prefill.'),
    ...layoutFields(deployment.decode, 'decode.'),
    twoBatchOverlap: deployment.twoBatchOverlap !== false,
    mtpDraftTokens: quantityText(deployment.mtp?.draftTokens),
    mtpAcceptance: quantityText(deployment.mtp?.acceptance),
  };
}

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
