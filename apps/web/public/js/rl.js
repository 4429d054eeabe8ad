// The "RL post-training" section: POST /v1/training/rl — synchronous GRPO vs PPO over the same
// policy and rollouts: GPU-hours, wall-clock and cost of each, by stage, and PPO ÷ GRPO.
import { find, selectField } from './dom.js';
import { stackedRows } from './charts/stacked-rows.js';
import { fieldTexts, readFields, renderFields } from './fields.js';
import { compactObject, modelFields, modelTitle, optionLabel, readModel, shortGpuName } from './form.js';
import { RL_FIELDS, RL_OPTION_FIELDS } from './rl-fields.js';
import { compact, number, tokensPerSecond, usd } from './format.js';
import { servingLayoutShort } from './layouts.js';
import { wirePlannerForm } from './planner-form.js';
import { chartFigure, el, figures, notes, statusBanner, table, warningList } from './results.js';

/**
 * An 8B GRPO run: Llama-3.1-8B on 64 H100, 512 prompts × 16 samples per step (the group size
 * DeepSeek-R1 used), 512-token prompts, 4,096-token responses, 200 steps, rule-based rewards.
 */
export const LLAMA_8B_GRPO_REQUEST = {
  model: 'llama-3.1-8b',
  gpu: 'h100',
  gpuCount: 64,
  promptsPerStep: 512,
  groupSize: 16,
  promptTokens: 512,
  responseTokens: 4096,
  steps: 200,
  rewardModel: null,
  precision: 'bf16',
  pricePerGpuHourUsd: 2,
};

const FIELDS = [...RL_FIELDS, ...RL_OPTION_FIELDS];

/**
 * The form → POST /v1/training/rl body (RL_FIELDS, RL_OPTION_FIELDS; null reward / reference model: none, kept by compactObject).
 * @returns {Record<string, any>}
 */
export function readRequest(form) {
  return compactObject({ model: readModel(form), ...readFields(form, FIELDS) });
}

/** The inverse of readRequest (every field set, "" when absent). */
export function requestToFields(request) {
  return { ...modelFields(request.model), ...fieldTexts(request, FIELDS) };
}

/** The preset's field values: its request through the same description. */
export const LLAMA_8B_GRPO = requestToFields(LLAMA_8B_GRPO_REQUEST);

const STAGE_LABELS = {
  'rollout generation': 'Rollout generation',
  'reference forward': 'Reference forward (KL)',
  'reward-model forward': 'Reward-model forward',
  'critic forward': 'Critic forward (PPO)',
  'policy update': 'Policy update',
  'critic update': 'Critic update (PPO)',
};
const stageLabel = (name) => STAGE_LABELS[name] ?? name;
const gpuHoursText = (v) => `${compact(v)} GPU-h`;
const hoursText = (h) => (h >= 48 ? `${number(h / 24, 1)} days` : `${number(h, h >= 10 ? 0 : 2)} h`);

function stageChart(plan) {
  const rows = [
    ['GRPO', plan.grpo, 'rl-bar-grpo'],
    ['PPO', plan.ppo, 'rl-bar-ppo'],
  ].map(([label, algorithm, id]) => ({
    label,
    id,
    segments: (algorithm.stages ?? []).map((stage) => ({ key: stage.name, label: stageLabel(stage.name), value: stage.gpuHours })),
  }));
  return chartFigure(
    'GPU-hours by stage, GRPO vs PPO (same rollouts)',
    stackedRows(rows, { title: 'GPU-hours by stage, GRPO vs PPO', format: gpuHoursText }),
    'rl-stage-chart',
  );
}

function stageTable(plan) {
  const grpo = new Map((plan.grpo.stages ?? []).map((s) => [s.name, s]));
  const names = [...new Set([...(plan.ppo.stages ?? []).map((s) => s.name), ...grpo.keys()])];
  const ppo = new Map((plan.ppo.stages ?? []).map((s) => [s.name, s]));
  const cell = (stage) => (stage ? `${gpuHoursText(stage.gpuHours)} · ${hoursText(stage.wallClockHours ?? 0)}` : '—');
  const rows = names.map((name) => [stageLabel(name), cell(grpo.get(name)), cell(ppo.get(name))]);
  rows.push([
    'Total',
    `${gpuHoursText(plan.grpo.gpuHours)} · ${hoursText(plan.grpo.wallClockHours)}`,
    `${gpuHoursText(plan.ppo.gpuHours)} · ${hoursText(plan.ppo.wallClockHours)}`,
  ]);
  return table(['Stage', 'GRPO (GPU-hours · wall-clock)', 'PPO (GPU-hours · wall-clock)'], rows, {
    id: 'rl-stages',
    caption: 'Synchronous RL: every stage holds all the GPUs for its duration. “—”: the algorithm has no such stage (GRPO needs no critic).',
  });
}

function generationNote(plan) {
  const g = plan.generation;
  if (!g) return undefined;
  const layout = g.layout ? servingLayoutShort(g.layout) : '';
  return el(
    'p',
    { class: 'note', id: 'rl-generation' },
    el('strong', { text: 'Rollouts: ' }),
    `${number(plan.rolloutsPerStep ?? 0, 0)} per step on ${number(g.instances ?? 0, 0)} instance${g.instances === 1 ? '' : 's'} of ${number(g.instanceGpus ?? 0, 0)} GPUs` +
      `${layout ? ` (${layout})` : ''}, batch ${number(g.batch ?? 0, 0)}, ${tokensPerSecond(g.outputTokensPerSecondPerGpu ?? 0)} out per GPU; ` +
      `${number(g.secondsPerStep ?? 0, 1)} s of generation per step` +
      (g.longestRolloutSeconds > 0 ? `; the longest rollout alone takes ${number(g.longestRolloutSeconds, 1)} s, and the step waits for it.` : '.'),
  );
}

function render(container, plan) {
  const why = plan.explanations ?? {};
  container.replaceChildren(
    ...[
      statusBanner({
        ok: true,
        id: 'rl-status',
        okText: `PPO costs ${number(plan.ppoToGrpoCostRatio, 2)}× GRPO for the same rollouts: ${usd(plan.ppo.costUsd)} vs ${usd(plan.grpo.costUsd)}.`,
      }),
      warningList(plan.warnings, 'rl-warnings'),
      figures([
        { id: 'rl-ratio', label: 'PPO ÷ GRPO cost', value: plan.ppoToGrpoCostRatio, format: (v) => `${number(v, 2)}×`, explain: why.ppoToGrpoCostRatio },
        { id: 'rl-grpo-gpu-hours', label: 'GRPO GPU-hours', value: plan.grpo.gpuHours, format: gpuHoursText, explain: why['grpo.gpuHours'] },
        { id: 'rl-grpo-cost', label: 'GRPO cost', value: plan.grpo.costUsd, format: usd, explain: why['grpo.costUsd'] },
        { id: 'rl-grpo-hours', label: 'GRPO wall-clock', value: plan.grpo.wallClockHours, format: hoursText, explain: why['grpo.wallClockHours'] },
        { id: 'rl-ppo-gpu-hours', label: 'PPO GPU-hours', value: plan.ppo.gpuHours, format: gpuHoursText, explain: why['ppo.gpuHours'] },
        { id: 'rl-ppo-cost', label: 'PPO cost', value: plan.ppo.costUsd, format: usd, explain: why['ppo.costUsd'] },
        { id: 'rl-ppo-hours', label: 'PPO wall-clock', value: plan.ppo.wallClockHours, format: hoursText, explain: why['ppo.wallClockHours'] },
      ]),
      stageChart(plan),
      stageTable(plan),
      generationNote(plan),
      notes('Assumptions', plan.assumptions),
    ].filter(Boolean),
  );
}

export function initRl(root = document.getElementById('rl')) {
  renderFields(find(root, '[data-fields="rl"]', HTMLElement), RL_FIELDS);
  renderFields(find(root, '[data-fields="rl-options"]', HTMLElement), RL_OPTION_FIELDS);
  const form = find(root, '#rl-form', HTMLFormElement);
  const ready = wirePlannerForm({
    form,
    errorBox: root.querySelector('#rl-error'),
    result: root.querySelector('#rl-result'),
    endpoint: '/v1/training/rl',
    readRequest,
    render,
    preset: { button: root.querySelector('[data-preset="llama-8b-grpo"]'), values: LLAMA_8B_GRPO },
    catalogDefaults: { model: 'llama-3.1-8b', gpu: 'h100' },
    loading: 'Planning GRPO and PPO…',
    key: 'rl',
    plannerLabel: 'RL post-training plans',
    title: (request, f) =>
      `${modelTitle(request.model, f)} RL on ${request.gpuCount} ${shortGpuName(optionLabel(selectField(f, 'gpu'), request.gpu), request.gpu)}`,
  }).ready;
  // the critic list: "same as the policy", then the catalog
  ready.then(() => {
    const critic = selectField(form, 'criticModel');
    const keep = critic.value;
    critic.replaceChildren(
      new Option('Same architecture as the policy', ''),
      ...[...selectField(form, 'model').options].filter((o) => o.value !== 'pasted').map((o) => new Option(o.textContent, o.value)),
    );
    critic.value = keep;
  });
  return { ready };
}
