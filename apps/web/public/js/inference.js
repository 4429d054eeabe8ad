// The "Inference" section: POST /v1/inference/plan — a disaggregated prefill /
// decode fleet for a daily token volume, its cost, the decode Pareto frontier
// and launch settings.
import { paretoChart } from './charts/pareto.js';
import { stackedBar } from './charts/stacked.js';
import { compactObject, localError, optionLabel, quantityText, readNumber, shortGpuName } from './form.js';
import { wirePlannerForm } from './planner-form.js';
import { compact, milliseconds, number, tokensPerSecond, usd } from './format.js';
import { launchBlock } from './launch.js';
import { servingLayoutLong, servingLayoutShort } from './layouts.js';
import { chartFigure, el, figures, notes, statusBanner, table } from './results.js';

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
  model: 'deepseek-v3', gpu: 'h800', weights: 'fp8', kvCache: 'bf16',
  inputTokensPerDay: '608e9', cacheHitRate: '0.563', outputTokensPerDay: '168e9', averageContextTokens: '4989',
  peakToAverage: String(Math.round((278 / 226.75) * 1000) / 1000), minOutputTokensPerSecondPerUser: '20', maxTtftMs: '', pricePerGpuHourUsd: '2',
  'prefill.attentionTp': '1', 'prefill.attentionDp': '32', 'prefill.moeTp': '1', 'prefill.moeEp': '32', 'prefill.redundantExperts': '32',
  'decode.attentionTp': '1', 'decode.attentionDp': '144', 'decode.moeTp': '1', 'decode.moeEp': '144', 'decode.redundantExperts': '32',
  twoBatchOverlap: true, mtpDraftTokens: '1', mtpAcceptance: '0.85', mode: 'disaggregated',
};

/**
 * {attentionTp, attentionDp, moeTp, moeEp[, redundantExperts]} from fields `${prefix}.…`; undefined when all four are empty.
 * All four sizes or none is the form's rule (a pool is pinned or searched), kept here for its message.
 * @returns {ServingLayout | undefined}
 */
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
    model: form.elements.model.value,
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
  const overlap = form.elements.twoBatchOverlap.checked;
  return compactObject({
    ...readTarget(form),
    workload: {
      inputTokensPerDay: readNumber(form, 'inputTokensPerDay', { path: 'workload.inputTokensPerDay', required: true }),
      cacheHitRate: readNumber(form, 'cacheHitRate', { path: 'workload.cacheHitRate' }),
      outputTokensPerDay: readNumber(form, 'outputTokensPerDay', { path: 'workload.outputTokensPerDay', required: true }),
      averageContextTokens: readNumber(form, 'averageContextTokens', { path: 'workload.averageContextTokens' }),
      peakToAverage: readNumber(form, 'peakToAverage', { path: 'workload.peakToAverage' }),
    },
    slo: {
      minOutputTokensPerSecondPerUser: readNumber(form, 'minOutputTokensPerSecondPerUser', { path: 'slo.minOutputTokensPerSecondPerUser' }),
      maxTtftMs: readNumber(form, 'maxTtftMs', { path: 'slo.maxTtftMs' }),
    },
    pricePerGpuHourUsd: readNumber(form, 'pricePerGpuHourUsd'),
    deployment: {
      // the API defaults to disaggregated; only say otherwise
      mode: form.elements.mode.value === 'disaggregated' ? undefined : form.elements.mode.value,
      prefill: readLayout(form, 'prefill.', 'deployment.prefill'),
      decode: readLayout(form, 'decode.', 'deployment.decode'),
      // the API defaults to overlap on; only say so when it is turned off
      twoBatchOverlap: overlap ? undefined : false,
      mtp: draft !== undefined || acceptance !== undefined ? { draftTokens: draft, acceptance } : undefined,
    },
  });
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
  const workload = request.workload ?? {};
  const slo = request.slo ?? {};
  const deployment = request.deployment ?? {};
  return {
    model: request.model ?? '',
    gpu: request.gpu ?? '',
    weights: request.precision?.weights ?? 'fp8',
    kvCache: request.precision?.kvCache ?? 'fp8',
    inputTokensPerDay: quantityText(workload.inputTokensPerDay),
    cacheHitRate: quantityText(workload.cacheHitRate),
    outputTokensPerDay: quantityText(workload.outputTokensPerDay),
    averageContextTokens: quantityText(workload.averageContextTokens),
    peakToAverage: quantityText(workload.peakToAverage),
    minOutputTokensPerSecondPerUser: quantityText(slo.minOutputTokensPerSecondPerUser),
    maxTtftMs: quantityText(slo.maxTtftMs),
    pricePerGpuHourUsd: quantityText(request.pricePerGpuHourUsd),
    mode: deployment.mode ?? 'disaggregated',
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
  const model = optionLabel(form?.elements.model, request.model) ?? request.model;
  const gpu = shortGpuName(optionLabel(form?.elements.gpu, request.gpu), request.gpu);
  const w = request.workload ?? {};
  return `${model} on ${gpu} · ${compact(w.inputTokensPerDay ?? 0)} in / ${compact(w.outputTokensPerDay ?? 0)} out per day`;
}

const optional = (value, format) => (typeof value === 'number' && Number.isFinite(value) ? format(value) : '—');

function poolsTable(plan) {
  const p = plan.prefill ?? {};
  const d = plan.decode ?? {};
  const row = (name, pool, unit, latency) => [
    name,
    optional(pool.nodes, (v) => number(v, 2)),
    optional(pool.tokensPerSecondPerNode, (v) => `${tokensPerSecond(v)} ${unit}`),
    pool.parallelism ? el('span', { title: servingLayoutLong(pool.parallelism), text: servingLayoutShort(pool.parallelism) }) : '—',
    optional(pool.nodesPerInstance, (v) => number(v, 0)),
    optional(pool.instances, (v) => number(v, 2)),
    latency,
  ];
  return table(
    ['Pool', 'Nodes (avg)', 'Tokens/s per node', 'Layout', 'Nodes per instance', 'Instances', 'Latency'],
    [
      row('Prefill', p, 'in', [
        optional(p.ttftMs, (v) => `TTFT ${milliseconds(v)}`),
        optional(p.utilization, (v) => `${number(v * 100, 0)} % busy`),
      ].filter((s) => s !== '—').join(' · ') || '—'),
      row('Decode', d, 'out', [
        optional(d.outputTokensPerSecondPerUser, (v) => `${tokensPerSecond(v)} per user`),
        optional(d.tpotMs, (v) => `TPOT ${milliseconds(v)}`),
        optional(d.batchPerInstance, (v) => `batch ${number(v, 0)}`),
      ].filter((s) => s !== '—').join(' · ') || '—'),
    ],
    { id: 'inf-pools', caption: 'Prefill tokens/s count cache hits (DeepSeek’s convention). Hover a layout for its full shape.' },
  );
}

function costChart(plan, request) {
  const c = plan.costPerMillionTokensUsd ?? {};
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

/** The decode pool's operating point in Pareto coordinates, when the response has what it takes. */
function operatingPoint(decode) {
  const p = decode.parallelism;
  const gpus = p?.gpuCount ?? (p ? p.attentionTp * p.attentionDp * (p.pp ?? 1) : undefined);
  const perUser = decode.outputTokensPerSecondPerUser;
  if (!gpus || !decode.nodesPerInstance || !Number.isFinite(perUser) || !Number.isFinite(decode.tokensPerSecondPerNode)) return undefined;
  const perGpu = (decode.tokensPerSecondPerNode * decode.nodesPerInstance) / gpus;
  return {
    x: perUser,
    y: perGpu,
    label: `chosen: ${servingLayoutShort(p)} b${number(decode.batchPerInstance ?? 0, 0)}`,
    detail: `Decode pool operating point: ${tokensPerSecond(perUser)} per user, ${tokensPerSecond(perGpu)} per GPU`,
  };
}

function paretoFigure(plan, request) {
  const points = (plan.pareto ?? []).filter((p) => Number.isFinite(p.outputTokensPerSecondPerUser) && Number.isFinite(p.outputTokensPerSecondPerGpu));
  if (points.length === 0) {
    return el('p', { class: 'note', id: 'inf-pareto', text: 'No decode Pareto points: no candidate layout fits or meets the speed floor.' });
  }
  const chosen = plan.decode ?? {};
  const sameLayout = (a, b) => a && b && ['attentionTp', 'attentionDp', 'moeTp', 'moeEp'].every((k) => a[k] === b[k]);
  const slo = request.slo?.minOutputTokensPerSecondPerUser;
  return chartFigure(
    'Decode Pareto frontier — throughput per GPU vs speed per user (labels: layout, b = sequences in flight per instance; ◆ = the decode pool’s operating point)',
    paretoChart(
      points.map((p) => ({
        x: p.outputTokensPerSecondPerUser,
        y: p.outputTokensPerSecondPerGpu,
        label: `${servingLayoutShort(p.parallelism ?? {})} b${p.batch}`,
        detail: `${servingLayoutLong(p.parallelism ?? {})}; batch ${p.batch}: ${tokensPerSecond(p.outputTokensPerSecondPerUser)} per user, ${tokensPerSecond(p.outputTokensPerSecondPerGpu)} per GPU`,
        highlight: sameLayout(p.parallelism, chosen.parallelism) && p.batch === chosen.batchPerInstance,
      })),
      {
        title: 'Decode Pareto frontier',
        xLabel: 'Output tokens/s per user',
        yLabel: 'Output tokens/s per GPU',
        ...(operatingPoint(chosen) ? { chosen: operatingPoint(chosen) } : {}),
        ...(slo ? { xMarker: { value: slo, label: `SLO ≥ ${number(slo, 1)} tok/s` } } : {}),
      },
    ),
    'inf-pareto',
  );
}

/** Aggregated vs disaggregated, when the plan compared them (mode "auto" or "aggregated"). */
function comparisonTable(plan) {
  const cmp = plan.comparison;
  if (!cmp) return undefined;
  const row = (name, m) => m ? [
    name + (cmp.chosen === name ? ' (chosen)' : ''),
    m.feasible ? 'yes' : `no — ${(m.reasons ?? []).join('; ')}`,
    optional(m.averageNodes, (v) => number(v, 1)),
    optional(m.peakNodes, (v) => number(v, 0)),
    optional(m.dailyCostUsd, usd),
    optional(m.costPerMillionTokensUsd?.inputCacheMiss, usd),
    optional(m.costPerMillionTokensUsd?.output, usd),
  ] : undefined;
  return table(
    ['Mode', 'Feasible', 'Average nodes', 'Peak nodes', 'Daily cost', '$/M input (miss)', '$/M output'],
    [row('disaggregated', cmp.disaggregated), row('aggregated', cmp.aggregated)].filter(Boolean),
    { id: 'inf-comparison', caption: 'Aggregated vs disaggregated serving for the same workload, SLO and price.' },
  );
}

/** The aggregated pool, when the plan sized one. */
function aggregatedTable(plan) {
  const a = plan.aggregated;
  if (!a) return undefined;
  return table(
    ['Pool', 'Nodes (avg)', 'Layout', 'Batch per instance', 'Per user', 'TTFT', 'TPOT'],
    [[
      'Aggregated',
      optional(a.nodes, (v) => number(v, 2)),
      a.parallelism ? el('span', { title: servingLayoutLong(a.parallelism), text: servingLayoutShort(a.parallelism) }) : '—',
      optional(a.batchPerInstance, (v) => number(v, 0)),
      optional(a.outputTokensPerSecondPerUser, tokensPerSecond),
      optional(a.ttftMs, milliseconds),
      optional(a.tpotMs, milliseconds),
    ]],
    { id: 'inf-aggregated' },
  );
}

/** @param {HTMLElement} container @param {InferencePlanResponse} plan @param {InferencePlanRequest} request */
function render(container, plan, request) {
  const c = plan.costPerMillionTokensUsd ?? {};
  const launch = plan.launchSettings ?? {};
  container.replaceChildren(...[
    statusBanner({ ok: plan.feasible, okText: plan.mode === 'aggregated' ? 'Feasible: the aggregated pool fits and meets the SLO.' : 'Feasible: both pools fit and meet the SLO.', badText: 'Not feasible:', reasons: plan.reasons, id: 'inference-status' }),
    figures([
      { id: 'inf-average-nodes', label: 'Average nodes', value: plan.averageNodes, format: (v) => `${number(v, 1)} nodes` },
      { id: 'inf-peak-nodes', label: 'Peak nodes', value: plan.peakNodes, format: (v) => `${number(v, 0)} nodes` },
      { id: 'inf-gpu-hours', label: 'GPU-hours per day', value: plan.gpuHoursPerDay, format: (v) => `${compact(v)} GPU-h` },
      { id: 'inf-daily-cost', label: 'Daily cost (average nodes)', value: plan.dailyCostUsd, format: usd },
      { id: 'inf-cost-hit', label: '$ per M input tokens (cache hit)', value: c.inputCacheHit, format: usd },
      { id: 'inf-cost-miss', label: '$ per M input tokens (cache miss)', value: c.inputCacheMiss, format: usd },
      { id: 'inf-cost-output', label: '$ per M output tokens', value: c.output, format: usd },
    ]),
    comparisonTable(plan),
    plan.mode === 'aggregated' ? aggregatedTable(plan) : poolsTable(plan),
    plan.mode !== 'aggregated' && plan.aggregated ? aggregatedTable(plan) : undefined,
    costChart(plan, request),
    paretoFigure(plan, request),
    el('h4', { text: 'Launch settings' }),
    el('div', { class: 'launch-grid', id: 'inf-launch' },
      plan.mode !== 'aggregated' && launch.prefill ? launchBlock('Prefill', launch.prefill, request.model) : undefined,
      plan.mode !== 'aggregated' && launch.decode ? launchBlock('Decode', launch.decode, request.model) : undefined,
      plan.aggregated?.launchSettings ? launchBlock('Aggregated', plan.aggregated.launchSettings, request.model) : undefined),
    notes('Assumptions', plan.assumptions),
  ].filter(Boolean));
}

export function initInference(root = document.getElementById('inference')) {
  return wirePlannerForm({
    form: root.querySelector('#inference-form'),
    errorBox: root.querySelector('#inference-error'),
    result: root.querySelector('#inference-result'),
    endpoint: '/v1/inference/plan',
    readRequest,
    render: render,
    preset: { button: root.querySelector('[data-preset="deepseek-day6"]'), values: DEEPSEEK_DAY6, open: root.querySelector('#inf-deployment') },
    catalogDefaults: { model: 'deepseek-v3', gpu: 'h800' },
    saving: { kind: 'inference', defaultName: defaultPlanName, requestToFields, details: root.querySelector('#inf-deployment') },
  });
}
