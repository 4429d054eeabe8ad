// "Throughput at a point": POST /v1/inference/throughput for one aggregated
// instance, with the model / GPU / precisions of the plan form above.
import { find } from './dom.js';
import { stackedBar } from './charts/stacked.js';
import { readFields, renderFields } from './fields.js';
import { compactObject } from './form.js';
import { wirePlannerForm } from './planner-form.js';
import { gigabytes, milliseconds, number, tokensPerSecond } from './format.js';
import { readTarget } from './inference.js';
import { pinnedLayout } from './serving-layout-fields.js';
import { THROUGHPUT_FIELDS, THROUGHPUT_LAYOUT_FIELDS } from './throughput-fields.js';
import { servingLayoutLong } from './layouts.js';
import { bandOf, chartFigure, el, figures, statusBanner } from './results.js';

/** @typedef {import('@gcp/contract').ThroughputRequest} ThroughputRequest */
/** @typedef {import('@gcp/contract').ThroughputResponse} ThroughputResponse */

const FIELDS = [...THROUGHPUT_FIELDS, ...THROUGHPUT_LAYOUT_FIELDS];

/** The form (THROUGHPUT_FIELDS, THROUGHPUT_LAYOUT_FIELDS) and the plan form's model, GPU and precisions → the request. @returns {ThroughputRequest} */
function readRequest(form, planForm) {
  const fields = readFields(form, FIELDS);
  return /** @type {ThroughputRequest} */ (compactObject({ ...readTarget(planForm), ...fields, parallelism: pinnedLayout(fields.parallelism, 'parallelism') }));
}

/** @param {HTMLElement} container @param {ThroughputResponse} result */
function render(container, result) {
  const why = result.explanations ?? {};
  const memory = result.memoryPerGpuBytes ?? /** @type {ThroughputResponse['memoryPerGpuBytes']} */ ({});
  container.replaceChildren(
    ...[
      statusBanner({ ok: result.fits, okText: 'Fits.', badText: 'Does not fit:', reasons: result.reasons, id: 'throughput-status' }),
      // a deployment that does not fit has no speed: only the memory that does not fit is shown
      result.fits === false
        ? el('p', { class: 'note', id: 'thr-infeasible-note', text: 'No latency or throughput: this deployment does not fit in memory.' })
        : undefined,
      result.fits === false
        ? undefined
        : figures([
            { id: 'thr-ttft', label: 'TTFT', value: result.ttftMs, format: milliseconds, band: bandOf(result, 'ttftMs'), explain: why.ttftMs },
            { id: 'thr-tpot', label: 'TPOT', value: result.tpotMs, format: milliseconds, band: bandOf(result, 'tpotMs'), explain: why.tpotMs },
            {
              id: 'thr-user',
              label: 'Output tokens/s per user',
              value: result.outputTokensPerSecondPerUser,
              format: tokensPerSecond,
              explain: why.outputTokensPerSecondPerUser,
            },
            {
              id: 'thr-gpu',
              label: 'Output tokens/s per GPU',
              value: result.outputTokensPerSecondPerGpu,
              format: tokensPerSecond,
              band: bandOf(result, 'outputTokensPerSecondPerGpu'),
              explain: why.outputTokensPerSecondPerGpu,
            },
            { id: 'thr-queue', label: 'Queue wait (in TTFT)', value: result.queueWaitMs, format: milliseconds },
            { id: 'thr-batch', label: 'Running batch', value: result.batch, format: (v) => `${number(v, 0)} sequences` },
            { id: 'thr-max-concurrency', label: 'Max concurrency (KV fits)', value: result.maxConcurrency, format: (v) => `${number(v, 0)} sequences` },
          ]),
      result.parallelism
        ? el('p', {
            class: 'note',
            text: `Layout: ${servingLayoutLong(result.parallelism)}${result.computeFormat ? ` · compute in ${String(result.computeFormat).toUpperCase()}` : ''}.`,
          })
        : undefined,
      chartFigure(
        'Memory per GPU vs HBM capacity',
        stackedBar(
          [
            { label: 'Weights', value: memory.weights ?? 0 },
            { label: 'KV cache', value: memory.kvCache ?? 0 },
            { label: 'Workspace', value: memory.workspace ?? Math.max(0, (memory.total ?? 0) - (memory.weights ?? 0) - (memory.kvCache ?? 0)) },
          ],
          {
            title: 'Memory per GPU',
            format: gigabytes,
            totalLabel: 'Per GPU',
            ...(memory.capacity ? { capacity: { label: 'HBM', value: memory.capacity } } : {}),
          },
        ),
        'thr-memory-chart',
      ),
    ].filter(Boolean),
  );
}

export function initThroughput(root = document.getElementById('throughput'), planForm = find(document, '#inference-form', HTMLFormElement)) {
  renderFields(find(root, '[data-fields="thr"]', HTMLElement), THROUGHPUT_FIELDS);
  renderFields(find(root, '[data-fields="thr-layout"]', HTMLElement), THROUGHPUT_LAYOUT_FIELDS);
  return wirePlannerForm({
    form: root.querySelector('#throughput-form'),
    errorBox: root.querySelector('#throughput-error'),
    result: root.querySelector('#throughput-result'),
    endpoint: '/v1/inference/throughput',
    readRequest: (form) => readRequest(form, planForm),
    render: (result, response) => render(result, response),
    key: 'thr',
    plannerLabel: 'throughput estimates',
    shared: [planForm],
    title: (request) => `Throughput: ${request.gpuCount} GPUs at concurrency ${request.concurrency}`,
    aliases: { parallelism: 'attentionTp' },
  });
}
