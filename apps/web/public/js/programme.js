// The training section's "programme" mode: POST /v1/training/program — phases (pre-training,
// context extension, …) planned one after another on the model, GPU, GPU count and precisions
// of the training form, each at its own sequence length and batch; totals, GPU-hours by phase.
import { field as formField, find } from './dom.js';
import { stackedBar } from './charts/stacked.js';
import { fieldTexts, readFields } from './fields.js';
import { compactObject, fillForm, localError, modelTitle, readModel, readNumber } from './form.js';
import { TRAINING_FIELDS } from './training-fields.js';
import { compact, days, number, percent, tokensPerSecond, usd } from './format.js';
import { trainingLayout } from './layouts.js';
import { wirePlannerForm } from './planner-form.js';
import { noteEdit } from './url-state.js';
import { chartFigure, el, figures, notes, statusBanner, table, warningList } from './results.js';

/** The training form's fields a programme shares (their description: js/training-fields.js); the model is read with them. */
const SHARED_NAMES = new Set(['gpu', 'gpuCount', 'precision', 'optimizerStatePrecision', 'gradientPrecision', 'fp8Scaling', 'pricePerGpuHourUsd']);
export const SHARED_TRAINING_FIELDS = TRAINING_FIELDS.filter((spec) => SHARED_NAMES.has(spec.name));

/** The API's limit on phases (MAX_PROGRAMME_PHASES in the core). */
export const MAX_PHASES = 32;

/**
 * DeepSeek-V3's programme (arXiv:2412.19437): pre-training §4.2 (14.8T tokens at 4K, 15,360
 * sequences per step), context extension §4.3 (1,000 steps at 32K × 1,920, then 1,000 steps at
 * 128K × 480); 2,048 H800, FP8, BF16 Adam moments (§3.1–3.3). Every phase's layout is searched.
 */
export const DEEPSEEK_V3_PROGRAMME = {
  shared: {
    model: 'deepseek-v3',
    ...fieldTexts({ gpu: 'h800', gpuCount: 2048, precision: 'fp8', optimizerStatePrecision: 'bf16', pricePerGpuHourUsd: 2 }, SHARED_TRAINING_FIELDS),
  },
  phases: [
    { name: 'pre-training', amount: '14.8e12', unit: 'tokens', sequenceLength: '4096', batchSequences: '15360' },
    { name: 'context extension 32K', amount: '1000', unit: 'steps', sequenceLength: '32768', batchSequences: '1920' },
    { name: 'context extension 128K', amount: '1000', unit: 'steps', sequenceLength: '131072', batchSequences: '480' },
  ],
};

/** The rows the editor starts with. */
export const STARTER_PHASES = [
  { name: 'pre-training', amount: '1e12', unit: 'tokens', sequenceLength: '4096', batchSequences: '1024' },
  { name: 'context extension', amount: '1000', unit: 'steps', sequenceLength: '32768', batchSequences: '128' },
];

const FIELDS = ['name', 'amount', 'unit', 'sequenceLength', 'batchSequences'];
const field = (form, i, key) => form.elements.namedItem(`phase.${i}.${key}`);

/** The phase rows as typed: [{name, amount, unit, sequenceLength, batchSequences}] (strings). */
export function readPhaseFields(form) {
  const phases = [];
  for (let i = 0; field(form, i, 'name'); i++) {
    phases.push(Object.fromEntries(FIELDS.map((key) => [key, String(field(form, i, key)?.value ?? '')])));
  }
  return phases;
}

/**
 * The programme form (phases) + the training form (model, GPU, count, precisions, price) → POST /v1/training/program body.
 * @returns {Record<string, any>}
 */
export function readRequest(form, shared) {
  const phases = readPhaseFields(form).map((phase, i) => {
    const path = `phases.${i}`; // the API's issue paths (phases.1.steps)
    const name = phase.name.trim();
    if (name === '') throw localError(`${path}.name`, 'Name the phase');
    const unit = phase.unit === 'steps' ? 'steps' : 'tokens';
    return {
      name,
      [unit]: readNumber(form, `phase.${i}.amount`, { path: `${path}.${unit}`, required: true }),
      sequenceLength: readNumber(form, `phase.${i}.sequenceLength`, { path: `${path}.sequenceLength`, required: true }),
      batchSequences: readNumber(form, `phase.${i}.batchSequences`, { path: `${path}.batchSequences`, required: true }),
    };
  });
  if (phases.length === 0) throw localError('phases', 'Add at least one phase');
  return compactObject({ model: readModel(shared), ...readFields(shared, SHARED_TRAINING_FIELDS), phases });
}

function phaseRow(phase, i, count) {
  const n = i + 1;
  const input = (key, label, extra = {}) =>
    el('input', {
      type: 'text',
      name: `phase.${i}.${key}`,
      id: `pg-${i}-${key}`,
      'aria-label': `Phase ${n} ${label}`,
      autocomplete: 'off',
      ...extra,
    });
  const unit = el(
    'select',
    { name: `phase.${i}.unit`, id: `pg-${i}-unit`, 'aria-label': `Phase ${n} length in` },
    new Option('tokens', 'tokens'),
    new Option('steps', 'steps'),
  );
  const row = el(
    'tr',
    { 'data-phase': i },
    el('td', {}, input('name', 'name', { class: 'phase-name', maxlength: 100 })),
    el('td', {}, el('span', { class: 'length' }, input('amount', 'length', { inputmode: 'decimal', class: 'num' }), unit)),
    el('td', {}, input('sequenceLength', 'sequence length', { inputmode: 'decimal', class: 'num' })),
    el('td', {}, input('batchSequences', 'batch (sequences)', { inputmode: 'decimal', class: 'num' })),
    el(
      'td',
      {},
      el('button', { type: 'button', class: 'secondary small', 'data-remove': i, 'aria-label': `Remove phase ${n}`, disabled: count <= 1, text: 'Remove' }),
    ),
  );
  for (const key of FIELDS) row.querySelector(`[name="phase.${i}.${key}"]`).value = phase[key] ?? '';
  return row;
}

/** Replaces the editor's rows with `phases` (renumbering names, ids and labels). */
export function setPhases(form, phases) {
  const body = form.querySelector('#pg-phases tbody');
  body.replaceChildren(...phases.map((phase, i) => phaseRow(phase, i, phases.length)));
  const add = form.querySelector('#pg-add');
  if (add) add.disabled = phases.length >= MAX_PHASES;
}

const sum = (items, pick) => items.reduce((total, item) => total + (pick(item) ?? 0), 0);

function phasesTable(programme) {
  const rows = programme.phases.map((phase) => {
    const plan = phase.plan ?? {};
    const ok = plan.feasible !== false && plan.fits !== false;
    return [
      phase.name,
      `${compact(phase.tokens ?? plan.tokens ?? 0)} tokens`,
      number(phase.steps ?? plan.steps ?? 0, 0),
      number(plan.sequenceLength ?? 0, 0),
      plan.globalBatchSequences !== undefined ? number(plan.globalBatchSequences, 0) : '—',
      ok && plan.parallelism
        ? el('span', { class: 'wrap', text: trainingLayout(plan.parallelism) })
        : el('span', { class: 'wrap', text: `does not fit: ${(plan.reasons ?? []).join('; ')}` }),
      plan.tokensPerSecondPerGpu !== undefined ? tokensPerSecond(plan.tokensPerSecondPerGpu) : '—',
      plan.mfu !== undefined ? percent(plan.mfu) : '—',
      `${compact(phase.gpuHours)} GPU-h`,
      days(phase.wallClockDays),
      usd(phase.costUsd),
    ];
  });
  const t = programme.totals;
  rows.push([
    'Total',
    `${compact(sum(programme.phases, (p) => p.tokens))} tokens`,
    number(
      sum(programme.phases, (p) => p.steps),
      0,
    ),
    '',
    '',
    '',
    '',
    '',
    `${compact(t.gpuHours)} GPU-h`,
    days(t.wallClockDays),
    usd(t.costUsd),
  ]);
  return table(
    ['Phase', 'Tokens', 'Steps', 'Sequence length', 'Batch (sequences)', 'Layout (searched)', 'Tokens/s per GPU', 'MFU', 'GPU-hours', 'Wall-clock', 'Cost'],
    rows,
    {
      id: 'pg-phases-result',
      caption: 'Phases run one after another on the same GPUs; each phase’s layout is searched at its own sequence length and batch.',
    },
  );
}

function render(container, programme, request) {
  const why = programme.explanations ?? {};
  const bad = programme.phases.filter((p) => p.plan && (p.plan.feasible === false || p.plan.fits === false));
  const t = programme.totals;
  container.replaceChildren(
    ...[
      statusBanner({
        ok: bad.length === 0,
        id: 'programme-status',
        okText: `${programme.phases.length} phase${programme.phases.length === 1 ? '' : 's'} on ${number(request.gpuCount, 0)} GPUs, one after another: ${compact(t.gpuHours)} GPU-hours in ${days(t.wallClockDays)}.`,
        badText: 'Some phases do not fit:',
        reasons: bad.map((p) => `${p.name}: ${(p.plan.reasons ?? []).join('; ') || 'no layout fits'}`),
      }),
      warningList(programme.warnings, 'pg-warnings'),
      figures([
        { id: 'pg-gpu-hours', label: 'Total GPU-hours', value: t.gpuHours, format: (v) => `${compact(v)} GPU-h`, explain: why['totals.gpuHours'] },
        { id: 'pg-days', label: 'Total wall-clock', value: t.wallClockDays, format: days, explain: why['totals.wallClockDays'] },
        {
          id: 'pg-cost',
          label: 'Total cost',
          value: t.costUsd,
          format: usd,
          explain: why['totals.costUsd'],
          note: programme.pricePerGpuHourUsd !== undefined ? `at ${usd(programme.pricePerGpuHourUsd)} per GPU-hour` : undefined,
        },
        { id: 'pg-energy', label: 'Energy', value: t.energyMWh, format: (v) => `${number(v, v >= 100 ? 0 : 1)} MWh`, explain: why['totals.energyMWh'] },
      ]),
      chartFigure(
        'GPU-hours by phase',
        stackedBar(
          programme.phases.map((p) => ({ label: p.name, value: p.gpuHours })),
          { title: 'GPU-hours by phase', format: (v) => `${compact(v)} GPU-h`, totalLabel: 'Programme' },
        ),
        'pg-chart',
      ),
      phasesTable(programme),
      notes('Assumptions', programme.assumptions),
    ].filter(Boolean),
  );
}

/**
 * Wires the mode switch ("One run" / "A programme of phases") and the phase editor inside the
 * training section. `trainingReady` resolves once the training form's selects are filled.
 */
export function initProgramme(root = document.getElementById('training'), trainingReady = Promise.resolve()) {
  const form = find(root, '#programme-form', HTMLFormElement);
  const shared = find(root, '#training-form', HTMLFormElement);
  const radios = [...root.querySelectorAll('input[name="trainingMode"]')].filter((r) => r instanceof HTMLInputElement);
  const mode = () => radios.find((r) => r.checked)?.value ?? 'run';

  function setMode(next) {
    for (const radio of radios) radio.checked = radio.value === next;
    for (const part of root.querySelectorAll('[data-mode]')) if (part instanceof HTMLElement) part.hidden = part.dataset.mode !== next;
  }
  for (const radio of radios)
    radio.addEventListener('change', () => {
      setMode(mode());
      noteEdit();
    });
  // In programme mode, Enter in a shared field (GPU count, price) plans the programme, not one run.
  root.addEventListener(
    'submit',
    (event) => {
      if (event.target !== shared || mode() !== 'programme') return;
      event.preventDefault();
      event.stopPropagation();
      form.requestSubmit();
    },
    { capture: true },
  );

  setPhases(form, STARTER_PHASES);
  form.querySelector('#pg-add').addEventListener('click', () => {
    const phases = readPhaseFields(form);
    const last = phases[phases.length - 1];
    phases.push({
      name: `phase ${phases.length + 1}`,
      amount: '',
      unit: last?.unit ?? 'tokens',
      sequenceLength: last?.sequenceLength ?? '4096',
      batchSequences: last?.batchSequences ?? '',
    });
    setPhases(form, phases);
    formField(form, `phase.${phases.length - 1}.name`).focus();
  });
  form.querySelector('#pg-phases').addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-remove]') : null;
    if (!(button instanceof HTMLButtonElement)) return;
    const phases = readPhaseFields(form);
    phases.splice(Number(button.dataset.remove), 1);
    setPhases(form, phases);
    find(form, '#pg-add').focus();
  });

  wirePlannerForm({
    form,
    errorBox: root.querySelector('#programme-error'),
    result: root.querySelector('#programme-result'),
    endpoint: '/v1/training/program',
    readRequest: (programmeForm) => readRequest(programmeForm, shared),
    render,
    preset: {
      button: root.querySelector('[data-preset="deepseek-v3-programme"]'),
      fill: () => {
        fillForm(shared, DEEPSEEK_V3_PROGRAMME.shared);
        setPhases(form, DEEPSEEK_V3_PROGRAMME.phases);
      },
      ready: trainingReady,
    },
    loading: 'Planning each phase (searching a layout per phase can take a few seconds)…',
    key: 'pg',
    plannerLabel: 'training programmes',
    shared: [shared],
    title: (request) => `${modelTitle(request.model, shared)} programme: ${request.phases.length} phases on ${request.gpuCount} GPUs`,
    aliases: (path) => {
      const match = /^phases\.(\d+)\.(\w+)$/.exec(path);
      if (match) return `phase.${match[1]}.${match[2] === 'steps' || match[2] === 'tokens' ? 'amount' : match[2]}`;
      return path === 'phases' ? 'phase.0.name' : undefined;
    },
    urlForms: [],
    urlExtra: {
      read: () => {
        const phases = readPhaseFields(form);
        return {
          ...(mode() !== 'run' ? { mode: mode() } : {}),
          ...(JSON.stringify(phases) !== JSON.stringify(STARTER_PHASES) ? { phases: JSON.stringify(phases.map((p) => FIELDS.map((k) => p[k]))) } : {}),
        };
      },
      write: (values) => {
        setMode(values.mode === 'programme' ? 'programme' : 'run');
        let phases = STARTER_PHASES;
        try {
          if (values.phases) phases = JSON.parse(values.phases).map((row) => Object.fromEntries(FIELDS.map((k, i) => [k, String(row[i] ?? '')])));
        } catch {
          phases = STARTER_PHASES;
        }
        setPhases(form, phases);
      },
    },
  });
  return { setMode };
}
