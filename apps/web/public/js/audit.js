// The "Audit a claim" section: POST /v1/audit — a published training claim (tokens, GPUs,
// GPU-hours or days, cost) against physics and the training planner: the verdict first, then
// the implied vs predicted figures and what the headline cost leaves out.
import { AUDIT_FIELDS } from './audit-fields.js';
import { find, selectField } from './dom.js';
import { fieldTexts, readFields, renderFields } from './fields.js';
import { compactObject, localError, modelFields, modelTitle, optionLabel, readModel, shortGpuName } from './form.js';
import { compact, days, number, percent, tokensPerSecond, usd, usdCents } from './format.js';
import { wirePlannerForm } from './planner-form.js';
import { el, figures, table } from './results.js';

/** DeepSeek-V3's pre-training claim (arXiv:2412.19437 Table 1 and §4.2): 14.8T tokens in 2,664K H800 GPU-hours, $5.328M at $2. */
export const DEEPSEEK_V3_CLAIM_REQUEST = {
  model: 'deepseek-v3',
  gpu: 'h800',
  gpuCount: 2048,
  tokens: 14.8e12,
  precision: 'fp8',
  sequenceLength: 4096,
  globalBatchTokens: 15360 * 4096,
  gpuHours: 2.664e6,
  costUsd: 5.328e6,
};

const VERDICT_CLASS = { plausible: 'plausible', optimistic: 'optimistic', 'physically impossible': 'impossible' };
const VERDICT_TEXT = {
  plausible: 'The claim is consistent with the hardware and close to what the planner predicts.',
  optimistic: 'The claim is faster than the planner predicts (or above 60 % MFU): possible, but optimistic.',
  'physically impossible': 'The claim needs more FLOPs per second than the GPUs can deliver at their peak.',
};

/**
 * The form → POST /v1/audit body (AUDIT_FIELDS); exactly one of GPU-hours and days.
 * @returns {Record<string, any>}
 */
export function readRequest(form) {
  const fields = readFields(form, AUDIT_FIELDS);
  if ((fields.gpuHours === undefined) === (fields.days === undefined))
    throw localError('gpuHours', 'Give the claimed GPU-hours or the wall-clock days (one of them)');
  return compactObject({ model: readModel(form), ...fields });
}

/** The inverse of readRequest (every field set, "" when absent). */
export function requestToFields(request) {
  return { ...modelFields(request.model), ...fieldTexts(request, AUDIT_FIELDS) };
}

/** The preset's field values: its request through the same description. */
export const DEEPSEEK_V3_CLAIM = requestToFields(DEEPSEEK_V3_CLAIM_REQUEST);

function verdictBox(audit) {
  const kind = VERDICT_CLASS[audit.verdict] ?? 'optimistic';
  return el(
    'div',
    { class: `verdict verdict-${kind}`, id: 'audit-verdict', role: 'status', 'data-verdict': audit.verdict },
    el('p', { class: 'verdict-label' }, 'Verdict: ', el('strong', { id: 'audit-verdict-text', text: audit.verdict })),
    el('p', { class: 'verdict-why', text: VERDICT_TEXT[audit.verdict] ?? '' }),
    el('ul', { id: 'audit-reasons' }, ...(audit.reasons ?? []).map((reason) => el('li', { text: reason }))),
  );
}

function comparisonTable(audit) {
  const p = audit.predicted;
  const ratio = (claimed, predicted) => (predicted > 0 ? `${number(claimed / predicted, 2)}×` : '—');
  const rows = [
    ['GPU-hours', `${compact(audit.gpuHours)} GPU-h`, p ? `${compact(p.gpuHours)} GPU-h` : '—', p ? ratio(audit.gpuHours, p.gpuHours) : '—'],
    [
      'Tokens/s per GPU',
      tokensPerSecond(audit.impliedTokensPerSecondPerGpu),
      p ? tokensPerSecond(p.tokensPerSecondPerGpu) : '—',
      p ? ratio(audit.impliedTokensPerSecondPerGpu, p.tokensPerSecondPerGpu) : '—',
    ],
  ];
  return el(
    'div',
    {},
    el('h4', { text: 'Claimed vs predicted' }),
    table(['', 'Claimed (implied)', 'Planner’s prediction', 'Claimed ÷ predicted'], rows, {
      id: 'audit-comparison',
      caption: audit.predictionUnavailable
        ? `No prediction: ${audit.predictionUnavailable}`
        : 'The prediction is the training planner’s best searched layout for the same model, GPUs, tokens, sequence length, batch and precision.',
    }),
  );
}

function leftOutTable(audit, claimedCost) {
  const items = audit.leftOut ?? [];
  if (items.length === 0) return undefined;
  const total = items.reduce((sum, item) => sum + item.estimateUsd, 0);
  const rows = items.map((item) => [item.item, usd(item.estimateUsd), el('span', { class: 'wrap source', text: item.source })]);
  const caption =
    claimedCost !== undefined
      ? `Together ${usd(total)} — ${number(total / claimedCost, 1)}× the claimed ${usd(claimedCost)}. Estimates from the planner’s defaults.`
      : `Together ${usd(total)}. Estimates from the planner’s defaults.`;
  return el('div', {}, el('h4', { text: 'What the headline cost leaves out' }), table(['Item', 'Estimate', 'Source'], rows, { id: 'audit-left-out', caption }));
}

function render(container, audit, request) {
  const p = audit.predicted;
  const why = audit.explanations ?? {};
  container.replaceChildren(
    ...[
      verdictBox(audit),
      figures([
        { id: 'audit-mfu', label: 'Implied MFU (BF16 peak basis)', value: audit.impliedMfu, format: (v) => percent(v), explain: why.impliedMfu },
        {
          id: 'audit-peak-share',
          label: `Share of the ${(request.precision ?? 'bf16').toUpperCase()} dense peak`,
          value: audit.shareOfPrecisionPeak,
          format: (v) => percent(v),
          explain: why.shareOfPrecisionPeak,
        },
        {
          id: 'audit-tps',
          label: 'Implied tokens/s per GPU',
          value: audit.impliedTokensPerSecondPerGpu,
          format: tokensPerSecond,
          explain: why.impliedTokensPerSecondPerGpu,
        },
        { id: 'audit-predicted-tps', label: 'Predicted tokens/s per GPU', value: p?.tokensPerSecondPerGpu, format: tokensPerSecond },
        {
          id: 'audit-speed-ratio',
          label: 'Claimed ÷ predicted speed',
          value: p?.claimedToPredictedSpeed,
          format: (v) => `${number(v, 2)}×`,
          explain: why['predicted.claimedToPredictedSpeed'],
        },
        {
          id: 'audit-gpu-hours',
          label: 'GPU-hours (claimed)',
          value: audit.gpuHours,
          format: (v) => `${compact(v)} GPU-h`,
          note: p ? `predicted ${compact(p.gpuHours)} GPU-h` : undefined,
        },
        { id: 'audit-days', label: 'Wall-clock', value: audit.wallClockDays, format: days, explain: why.wallClockDays },
        {
          id: 'audit-usd-per-hour',
          label: 'Implied USD per GPU-hour',
          value: audit.impliedUsdPerGpuHour,
          format: usdCents,
          explain: why.impliedUsdPerGpuHour,
          note: audit.rentalPrice ? `default rental ${usdCents(audit.rentalPrice.usdPerGpuHour)}` : undefined,
        },
      ]),
      comparisonTable(audit),
      leftOutTable(audit, request.costUsd),
      audit.rentalPrice
        ? el(
            'p',
            { class: 'note', id: 'audit-rental-source' },
            el('strong', { text: 'Default rental price: ' }),
            `${usdCents(audit.rentalPrice.usdPerGpuHour)} per GPU-hour — ${audit.rentalPrice.source}`,
          )
        : undefined,
    ].filter(Boolean),
  );
}

export function initAudit(root = document.getElementById('audit')) {
  renderFields(find(root, '[data-fields="audit"]', HTMLElement), AUDIT_FIELDS);
  return wirePlannerForm({
    form: root.querySelector('#audit-form'),
    errorBox: root.querySelector('#audit-error'),
    result: root.querySelector('#audit-result'),
    endpoint: '/v1/audit',
    readRequest,
    render,
    preset: { button: root.querySelector('[data-preset="deepseek-v3-claim"]'), values: DEEPSEEK_V3_CLAIM },
    catalogDefaults: { model: 'deepseek-v3', gpu: 'h800' },
    loading: 'Auditing the claim (the planner predicts the run too)…',
    key: 'au',
    plannerLabel: 'claim audits',
    title: (request, f) =>
      `Claim: ${modelTitle(request.model, f)} on ${request.gpuCount} ${shortGpuName(optionLabel(selectField(f, 'gpu'), request.gpu), request.gpu)}`,
    aliases: { days: 'gpuHours' },
  });
}
