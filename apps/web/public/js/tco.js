// The "Cost of ownership" section: POST /v1/cost/tco — own vs rent for a cluster: capex, the
// effective USD per GPU-hour both ways (and its parts), cumulative cost month by month with
// the break-even, what moves the owned price (sensitivity), and every assumption with its source.
import { find, selectField } from './dom.js';
import { lineChart } from './charts/lines.js';
import { stackedRows } from './charts/stacked-rows.js';
import { fieldTexts, readFields, renderFields } from './fields.js';
import { compactObject, optionLabel, quantityText, shortGpuName } from './form.js';
import { ALL_TCO_FIELDS, TCO_FIELDS, TCO_OVERRIDE_FIELDS } from './tco-fields.js';
import { compact, number, usd, usdCents } from './format.js';
import { wirePlannerForm } from './planner-form.js';
import { chartFigure, el, figures, statusBanner, table } from './results.js';

/** DeepSeek-V3's cluster (V3 report §3.1: 2,048 H800) and its whole run (Table 1: 2,788K GPU-hours). */
export const DEEPSEEK_V3_CLUSTER_REQUEST = { gpu: 'h800', gpuCount: 2048, run: { gpuHours: 2.788e6 } };

/** Request fields (and the API's assumption names) → what the page calls them, with their unit: the fields' labels without "optional". */
export const INPUT_LABELS = Object.fromEntries(ALL_TCO_FIELDS.map((spec) => [spec.name, spec.label.replace(/,? optional\)/, ')').replace(/ \(\)$/, '')]));

const PARTS = [
  ['depreciation', 'Depreciation'],
  ['power', 'Power'],
  ['facility', 'Facility'],
  ['staff', 'Staff'],
];

const KIND_TEXT = { measured: 'measured', derived: 'derived', assumed: 'assumed', publishedAssumption: 'published assumption', request: 'given' };

/**
 * The form → POST /v1/cost/tco body (ALL_TCO_FIELDS).
 * @returns {Record<string, any>}
 */
export function readRequest(form) {
  return compactObject(readFields(form, ALL_TCO_FIELDS));
}

/** The inverse of readRequest (every field set, "" when absent). */
export function requestToFields(request) {
  return fieldTexts(request, ALL_TCO_FIELDS);
}

/** The preset's field values: its request through the same description. */
export const DEEPSEEK_V3_CLUSTER = requestToFields(DEEPSEEK_V3_CLUSTER_REQUEST);

/** An assumption's value as the page shows it: money as USD (prices per GPU-hour with cents), the rest as plain numbers. */
function assumptionValue(name, value) {
  if (/PerGpuHour/.test(name)) return usdCents(value);
  if (/usd/i.test(name)) return usd(value);
  return number(value, value < 10 ? 3 : 0);
}

/** −0.49 → "−$0.49", 1.5 → "+$1.50". */
const signedUsd = (v) => `${v < 0 ? '−' : '+'}${usdCents(Math.abs(v))}`;

const monthText = (m) => `${number(m, 0)} month${m === 1 ? '' : 's'}`;

function breakEvenText(plan, months) {
  if (plan.breakEvenMonths === null || plan.breakEvenMonths === undefined) {
    return `Renting stays cheaper: owning does not break even within the ${monthText(months)} of depreciation.`;
  }
  return `Owning breaks even after ${monthText(plan.breakEvenMonths)} of continuous use (of ${monthText(months)} of depreciation).`;
}

function costChart(plan) {
  const own = plan.breakdown?.usdPerGpuHour ?? {};
  const rows = [
    { label: 'Own', id: 'tco-bar-own', segments: PARTS.map(([key, label]) => ({ key, label, value: own[key] ?? 0 })) },
    {
      label: 'Rent',
      id: 'tco-bar-rent',
      segments: [
        {
          key: 'rent',
          label: `Rental price (${KIND_TEXT[plan.rentalPrice?.kind] ?? plan.rentalPrice?.kind ?? 'price file'})`,
          value: plan.effectiveUsdPerGpuHour.rent,
        },
      ],
    },
  ];
  return chartFigure(
    'USD per useful GPU-hour: owning’s parts vs the rental price',
    stackedRows(rows, { title: 'Owned GPU-hour by part vs renting one', format: usdCents }),
    'tco-cost-chart',
  );
}

function rentVsBuyChart(plan) {
  const months = plan.rentVsBuyByMonth ?? [];
  if (months.length === 0) return undefined;
  const series = [
    { key: 'own', label: 'Own (capex up front + running)', points: months.map((m) => ({ x: m.month, y: m.ownUsd })) },
    { key: 'rent', label: 'Rent (same useful GPU-hours)', points: months.map((m) => ({ x: m.month, y: m.rentUsd })) },
  ];
  const marker =
    plan.breakEvenMonths !== null && plan.breakEvenMonths !== undefined
      ? { x: plan.breakEvenMonths, label: `Break-even: month ${plan.breakEvenMonths}` }
      : undefined;
  return chartFigure(
    'Cumulative cost of owning vs renting, month by month',
    lineChart(series, {
      title: 'Cumulative cost, own vs rent, by month',
      xLabel: 'Months of use',
      yLabel: 'Cumulative USD',
      yFormat: (v) => (v === 0 ? '$0' : `$${compact(v)}`),
      marker,
      pointFormat: (label, x, y) => `${label}, month ${x}: ${usd(y)}`,
    }),
    'tco-rent-vs-buy',
  );
}

function sensitivityTable(plan) {
  const own = plan.effectiveUsdPerGpuHour.own;
  const rows = [...(plan.sensitivity ?? [])]
    .sort((a, b) => Math.abs(b.ownUsdPerGpuHourAtHigh - b.ownUsdPerGpuHourAtLow) - Math.abs(a.ownUsdPerGpuHourAtHigh - a.ownUsdPerGpuHourAtLow))
    .map((s) => [
      INPUT_LABELS[s.input] ?? s.input,
      `${assumptionValue(s.input, s.low)} → ${usdCents(s.ownUsdPerGpuHourAtLow)}`,
      `${assumptionValue(s.input, s.high)} → ${usdCents(s.ownUsdPerGpuHourAtHigh)}`,
      `${signedUsd(Math.min(s.ownUsdPerGpuHourAtLow, s.ownUsdPerGpuHourAtHigh) - own)} … ${signedUsd(Math.max(s.ownUsdPerGpuHourAtLow, s.ownUsdPerGpuHourAtHigh) - own)}`,
    ]);
  return el(
    'div',
    {},
    el('h4', { text: 'Sensitivity of the owned price' }),
    table(['Input', 'Low → owned $/GPU-h', 'High → owned $/GPU-h', `Swing around ${usdCents(own)}`], rows, {
      id: 'tco-sensitivity',
      caption:
        'Each input at half and 1.5× its value (utilisation capped at 1), the others unchanged; largest swing first. The experiment multiplier row is the owned price per GPU-hour of the final run with its experiments.',
    }),
  );
}

function assumptionsTable(plan) {
  const rows = (plan.assumptions ?? []).map((a) => [
    INPUT_LABELS[a.name] ?? a.name,
    assumptionValue(a.name, a.value),
    a.given ? 'given' : (KIND_TEXT[a.kind] ?? a.kind),
    el('span', { class: 'wrap source', text: a.source }),
  ]);
  return el(
    'div',
    {},
    el('h4', { text: 'Assumptions and sources' }),
    table(['Input', 'Value', 'Kind', 'Source'], rows, { id: 'tco-assumptions', caption: 'Every figure the comparison used; “given” ones came from the form.' }),
  );
}

/** After an answer, each empty assumption field shows the default it used as its placeholder. */
function showDefaults(form, plan) {
  for (const a of plan.assumptions ?? []) {
    const field = form.elements.namedItem(a.name);
    if (field && 'placeholder' in field && !a.given) field.placeholder = quantityText(Number(a.value.toPrecision(6)));
  }
}

function render(container, plan) {
  const rates = plan.effectiveUsdPerGpuHour;
  const why = plan.explanations ?? {};
  const capex = plan.breakdown?.capexUsd ?? {};
  const months = plan.rentVsBuyByMonth?.length ? plan.rentVsBuyByMonth[plan.rentVsBuyByMonth.length - 1].month : 0;
  const cheaper = rates.own < rates.rent;
  // within a cent of each other, both rates with three decimals (else "$2.00 vs $2.00")
  const close = Math.abs(rates.own - rates.rent) < 0.01;
  const rate = (v) => (close ? `$${v.toFixed(3)}` : usdCents(v));
  const verdict = close ? 'Owning and renting cost about the same' : cheaper ? 'Owning is cheaper' : 'Renting is cheaper';
  container.replaceChildren(
    ...[
      statusBanner({
        ok: cheaper || close,
        id: 'tco-status',
        okText: `${verdict} per useful GPU-hour: ${rate(rates.own)} to own vs ${rate(rates.rent)} to rent.`,
        badText: `${verdict} per useful GPU-hour: ${rate(rates.rent)} to rent vs ${rate(rates.own)} to own.`,
        reasons: [breakEvenText(plan, months)],
      }),
      figures([
        {
          id: 'tco-capex',
          label: 'Capex',
          value: plan.capexUsd,
          format: usd,
          explain: why.capexUsd,
          note: `servers ${usd(capex.servers ?? 0)}, network ${usd(capex.networking ?? 0)}, storage ${usd(capex.storage ?? 0)}`,
        },
        { id: 'tco-own-rate', label: 'Own: USD per useful GPU-hour', value: rates.own, format: usdCents, explain: why['effectiveUsdPerGpuHour.own'] },
        {
          id: 'tco-rent-rate',
          label: 'Rent: USD per GPU-hour',
          value: rates.rent,
          format: usdCents,
          note: plan.rentalPrice ? (KIND_TEXT[plan.rentalPrice.kind] ?? plan.rentalPrice.kind) : undefined,
        },
        {
          id: 'tco-break-even',
          label: 'Break-even',
          value: plan.breakEvenMonths ?? undefined,
          format: monthText,
          explain: why.breakEvenMonths,
          note: plan.breakEvenMonths === null ? 'not within the depreciation period' : undefined,
        },
        {
          id: 'tco-run-own',
          label: 'The run, owned',
          value: plan.runCostUsd?.own,
          format: usd,
          explain: why['runCostUsd.own'],
          note: plan.runWithExperimentsCostUsd ? `${usd(plan.runWithExperimentsCostUsd.own)} with experiments` : undefined,
        },
        {
          id: 'tco-run-rent',
          label: 'The run, rented',
          value: plan.runCostUsd?.rent,
          format: usd,
          explain: why['runCostUsd.rent'],
          note: plan.runWithExperimentsCostUsd ? `${usd(plan.runWithExperimentsCostUsd.rent)} with experiments` : undefined,
        },
        { id: 'tco-nodes', label: 'Nodes', value: plan.nodes, format: (v) => number(v, 0) },
        {
          id: 'tco-power',
          label: 'Facility power',
          value: plan.facilityPowerKw,
          format: (v) => (v >= 1000 ? `${number(v / 1000, 2)} MW` : `${number(v, 0)} kW`),
        },
      ]),
      costChart(plan),
      rentVsBuyChart(plan),
      sensitivityTable(plan),
      assumptionsTable(plan),
      plan.rentalPrice
        ? el(
            'p',
            { class: 'note', id: 'tco-rental-source' },
            el('strong', { text: 'Rental price: ' }),
            `${usdCents(plan.rentalPrice.usdPerGpuHour)} per GPU-hour — ${plan.rentalPrice.source}`,
          )
        : undefined,
    ].filter(Boolean),
  );
}

export function initTco(root = document.getElementById('tco')) {
  renderFields(find(root, '[data-fields="tco"]', HTMLElement), TCO_FIELDS);
  for (const [group, specs] of Object.entries(TCO_OVERRIDE_FIELDS)) renderFields(find(root, `[data-fields="tco-${group}"]`, HTMLElement), specs);
  const form = find(root, '#tco-form', HTMLFormElement);
  return wirePlannerForm({
    form,
    errorBox: root.querySelector('#tco-error'),
    result: root.querySelector('#tco-result'),
    endpoint: '/v1/cost/tco',
    readRequest,
    render: (result, response) => {
      render(result, response);
      showDefaults(form, response);
    },
    preset: { button: root.querySelector('[data-preset="deepseek-v3-cluster"]'), values: DEEPSEEK_V3_CLUSTER },
    catalogDefaults: { gpu: 'h800' },
    loading: 'Comparing owning and renting…',
    key: 'tco',
    plannerLabel: 'cost-of-ownership comparisons',
    title: (request, f) => `${request.gpuCount} ${shortGpuName(optionLabel(selectField(f, 'gpu'), request.gpu), request.gpu)}: own vs rent`,
    aliases: { 'run.gpuHours': 'runGpuHours', run: 'runGpuHours' },
  });
}
