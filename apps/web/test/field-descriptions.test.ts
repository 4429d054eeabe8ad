import { DEFAULT_LOAD_FOLLOWING_UTILIZATION } from '@gcp/contract';
import { describe, expect, it } from 'vitest';
import pageHtml from '../public/index.html?raw';

/**
 * One description per form field (public/js/fields.js and the *-fields.js files) drives the form's
 * markup, its request reader, the refill from a saved plan and the presets. Without a DOM: the
 * descriptions themselves, the page's markup (no hand-written control left for a described field),
 * and every preset, a request, read back unchanged from the fields the description writes for it.
 */
const load = async <T>(file: string): Promise<T> => (await import(/* @vite-ignore */ `../public/js/${file}`)) as T;

interface Spec {
  id: string;
  name: string;
  label: string;
  kind: string;
  hint?: string;
  value?: string;
}
type Fields = Record<string, string | boolean>;
interface Planner {
  readRequest(form: unknown): Record<string, unknown>;
  requestToFields(request: Record<string, unknown>): Fields;
}

function fakeForm(fields: Fields) {
  const elements: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    elements[name] = typeof value === 'boolean' ? { type: 'checkbox', checked: value, value: 'on' } : { type: 'text', value };
  }
  return { elements: { ...elements, namedItem: (name: string) => elements[name] ?? null } };
}

const DESCRIPTIONS: Array<[string, string, string[]]> = [
  ['training', 'training-fields.js', ['TRAINING_FIELDS', 'TRAINING_LAYOUT_FIELDS']],
  ['inference', 'inference-fields.js', ['INFERENCE_FIELDS']],
  ['throughput', 'throughput-fields.js', ['THROUGHPUT_FIELDS', 'THROUGHPUT_LAYOUT_FIELDS']],
  ['rl', 'rl-fields.js', ['RL_FIELDS', 'RL_OPTION_FIELDS']],
  ['tco', 'tco-fields.js', ['ALL_TCO_FIELDS']],
  ['audit', 'audit-fields.js', ['AUDIT_FIELDS']],
];

async function specsOf(file: string, exports: string[]): Promise<Spec[]> {
  const module = await load<Record<string, Spec[]>>(file);
  return exports.flatMap((name) => module[name] ?? []);
}

describe('form field descriptions', () => {
  it.each(DESCRIPTIONS)('%s: every field has its own id, name and label, and the page has no hand-written control for it', async (_form, file, exports) => {
    const specs = await specsOf(file, exports);
    expect(specs.length).toBeGreaterThan(3);
    expect(new Set(specs.map((s) => s.id)).size).toBe(specs.length);
    expect(new Set(specs.map((s) => s.name)).size).toBe(specs.length);
    for (const spec of specs) {
      expect(spec.label.trim().length, spec.id).toBeGreaterThan(1);
      // the markup comes from the description: index.html holds only the empty data-fields containers
      expect(pageHtml, spec.id).not.toContain(`id="${spec.id}"`);
    }
  });

  it('index.html has a container for every rendered group', () => {
    for (const group of [
      'tr',
      'tr-layout',
      'inf-target',
      'inf-workload',
      'inf-slo',
      'inf-fleet',
      'inf-prefill',
      'inf-decode',
      'inf-decoding',
      'thr',
      'thr-layout',
      'rl',
      'rl-options',
      'tco',
      'tco-power',
      'tco-capex',
      'tco-staff',
      'audit',
    ]) {
      expect(pageHtml).toContain(`data-fields="${group}"`);
    }
  });

  it.each([
    ['training.js', 'DEEPSEEK_V3_RUN_REQUEST', 'DEEPSEEK_V3_RUN'],
    ['inference.js', 'DEEPSEEK_DAY6_REQUEST', 'DEEPSEEK_DAY6'],
    ['rl.js', 'LLAMA_8B_GRPO_REQUEST', 'LLAMA_8B_GRPO'],
    ['tco.js', 'DEEPSEEK_V3_CLUSTER_REQUEST', 'DEEPSEEK_V3_CLUSTER'],
    ['audit.js', 'DEEPSEEK_V3_CLAIM_REQUEST', 'DEEPSEEK_V3_CLAIM'],
  ])('%s: the preset %s is a request; its fields are what the description writes, and read back to it', async (file, requestName, fieldsName) => {
    const module = await load<Planner & Record<string, unknown>>(file);
    const request = module[requestName] as Record<string, unknown>;
    const fields = module.requestToFields(request);
    expect(module[fieldsName]).toEqual(fields);
    expect(module.readRequest(fakeForm(fields))).toEqual(request);
  });

  it('reads an untouched form as its described initial values (no local issue)', async () => {
    const { readRequest } = await load<Planner>('rl.js');
    const specs = await specsOf('rl-fields.js', ['RL_FIELDS', 'RL_OPTION_FIELDS']);
    const initial: Fields = { model: 'llama-3.1-8b', modelConfig: '', modelName: '' };
    for (const spec of specs) if (spec.name !== 'model') initial[spec.name] = spec.kind === 'checkbox' ? spec.value === 'on' : (spec.value ?? '');
    initial.gpu = 'h100';
    expect(readRequest(fakeForm(initial))).toEqual({
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 64,
      steps: 200,
      promptsPerStep: 512,
      groupSize: 16,
      promptTokens: 512,
      responseTokens: 4096,
      precision: 'bf16',
      pricePerGpuHourUsd: 2,
    });
  });
});

describe('defaults the page states', () => {
  it("shows the API's default utilisation (the contract's DEFAULT_LOAD_FOLLOWING_UTILIZATION, refitted by npm run calibrate)", async () => {
    const { DEFAULT_UTILIZATION } = await load<{ DEFAULT_UTILIZATION: number }>('inference-fields.js');
    expect(DEFAULT_UTILIZATION).toBe(DEFAULT_LOAD_FOLLOWING_UTILIZATION);
  });
});
