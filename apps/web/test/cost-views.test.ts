import { describe, expect, it } from 'vitest';

/**
 * The form readers of the cost-of-ownership, audit, RL and programme views (public/js), without a
 * DOM: presets → request bodies as the planning API's schemas take them, and the local checks.
 * Imported by a computed path so tsc does not type the JS.
 */
const load = async <T>(file: string): Promise<T> => (await import(/* @vite-ignore */ `../public/js/${file}`)) as T;

type Fields = Record<string, string | boolean>;
interface FakeForm {
  elements: Record<string, unknown> & { namedItem(name: string): unknown };
}
interface ViewModule {
  readRequest(form: FakeForm, shared?: FakeForm): Record<string, unknown>;
  requestToFields?(request: Record<string, unknown>): Fields;
}
type Issue = { path: string; message: string };

/** Just enough of an HTMLFormElement: elements by name with text values. */
function fakeForm(fields: Fields): FakeForm {
  const elements: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) elements[name] = { type: 'text', value };
  return { elements: { ...elements, namedItem: (name: string) => elements[name] ?? null } };
}

function issueOf(run: () => unknown): Issue | undefined {
  try {
    run();
  } catch (error) {
    return (error as { issues?: Issue[] }).issues?.[0];
  }
  return undefined;
}

describe('cost of ownership form', () => {
  it('shows prices per GPU-hour with their cents', async () => {
    const { usdCents } = await load<{ usdCents(v: number): string }>('format.js');
    expect(usdCents(1.996)).toBe('$2.00');
    expect(usdCents(2)).toBe('$2.00');
    expect(usdCents(0.13)).toBe('$0.13');
    expect(usdCents(0.0806)).toBe('$0.0806');
    expect(usdCents(1234.5)).toBe('$1,234.50');
  });

  it('reads DeepSeek-V3’s cluster as {gpu, gpuCount, run} and round-trips; sourced defaults stay out of the body', async () => {
    const { readRequest, requestToFields, DEEPSEEK_V3_CLUSTER } = await load<ViewModule & { DEEPSEEK_V3_CLUSTER: Fields }>('tco.js');
    const request = readRequest(fakeForm(DEEPSEEK_V3_CLUSTER));
    expect(request).toEqual({ gpu: 'h800', gpuCount: 2048, run: { gpuHours: 2.788e6 } });
    const fields = requestToFields!(request);
    expect(Object.keys(fields).sort()).toEqual(Object.keys(DEEPSEEK_V3_CLUSTER).sort());
    expect(fields).toMatchObject({ runGpuHours: '2788000', pue: '' });
    const given = { ...DEEPSEEK_V3_CLUSTER, pue: '1.2', rentUsdPerGpuHour: '2.5', gpuUsd: '30k', runGpuHours: '' };
    expect(readRequest(fakeForm(given))).toEqual({ gpu: 'h800', gpuCount: 2048, pue: 1.2, rentUsdPerGpuHour: 2.5, gpuUsd: 30000 });
  });

  it('leaves ranges to the API (the contract answers 400 naming the field) and names unreadable numbers itself', async () => {
    const { readRequest, DEEPSEEK_V3_CLUSTER } = await load<ViewModule & { DEEPSEEK_V3_CLUSTER: Fields }>('tco.js');
    expect(readRequest(fakeForm({ ...DEEPSEEK_V3_CLUSTER, pue: '0.8' }))).toMatchObject({ pue: 0.8 });
    expect(issueOf(() => readRequest(fakeForm({ ...DEEPSEEK_V3_CLUSTER, pue: 'low' })))).toMatchObject({ path: 'pue' });
    expect(issueOf(() => readRequest(fakeForm({ ...DEEPSEEK_V3_CLUSTER, runGpuHours: 'many' })))).toMatchObject({ path: 'run.gpuHours' });
  });
});

describe('audit form', () => {
  it('reads DeepSeek-V3’s claim exactly as published (Table 1: 2,664K GPU-hours, $5.328M) and round-trips', async () => {
    const { readRequest, requestToFields, DEEPSEEK_V3_CLAIM } = await load<ViewModule & { DEEPSEEK_V3_CLAIM: Fields }>('audit.js');
    const request = readRequest(fakeForm(DEEPSEEK_V3_CLAIM));
    expect(request).toEqual({
      model: 'deepseek-v3',
      tokens: 14.8e12,
      gpu: 'h800',
      gpuCount: 2048,
      precision: 'fp8',
      sequenceLength: 4096,
      globalBatchTokens: 62_914_560,
      gpuHours: 2.664e6,
      costUsd: 5.328e6,
    });
    const fields = requestToFields!(request);
    expect(fields).toMatchObject({ globalBatchTokens: '15360 × 4096', gpuHours: '2664000', days: '' });
    expect(readRequest(fakeForm(fields))).toEqual(request);
  });

  it('wants exactly one of GPU-hours and days', async () => {
    const { readRequest, DEEPSEEK_V3_CLAIM } = await load<ViewModule & { DEEPSEEK_V3_CLAIM: Fields }>('audit.js');
    expect(issueOf(() => readRequest(fakeForm({ ...DEEPSEEK_V3_CLAIM, days: '57' })))).toMatchObject({ path: 'gpuHours' });
    expect(issueOf(() => readRequest(fakeForm({ ...DEEPSEEK_V3_CLAIM, gpuHours: '' })))).toMatchObject({ path: 'gpuHours' });
    expect(readRequest(fakeForm({ ...DEEPSEEK_V3_CLAIM, gpuHours: '', days: '57', costUsd: '' }))).toMatchObject({ days: 57 });
  });
});

describe('RL post-training form', () => {
  it('reads the 8B GRPO example: rule-based rewards are a null reward model, the reference is the policy’s default', async () => {
    const { readRequest, requestToFields, LLAMA_8B_GRPO } = await load<ViewModule & { LLAMA_8B_GRPO: Fields }>('rl.js');
    const request = readRequest(fakeForm(LLAMA_8B_GRPO));
    expect(request).toEqual({
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
    });
    const fields = requestToFields!(request);
    expect(Object.keys(fields).sort()).toEqual(Object.keys(LLAMA_8B_GRPO).sort());
    expect(readRequest(fakeForm(fields))).toEqual(request);
    expect(readRequest(fakeForm({ ...LLAMA_8B_GRPO, referenceModel: 'none', criticModel: 'llama-3.1-70b' }))).toMatchObject({
      referenceModel: null,
      criticModel: 'llama-3.1-70b',
    });
    expect(issueOf(() => readRequest(fakeForm({ ...LLAMA_8B_GRPO, steps: 'a few' })))).toMatchObject({ path: 'steps' });
    expect(readRequest(fakeForm({ ...LLAMA_8B_GRPO, generationGpuShare: '1.5' }))).toMatchObject({ generationGpuShare: 1.5 }); // the API's range
  });
});

describe('training programme form', () => {
  type Phase = Record<string, string>;
  const phaseFields = (phases: Phase[]) =>
    Object.fromEntries(phases.flatMap((phase, i) => Object.entries(phase).map(([key, value]) => [`phase.${i}.${key}`, value])));

  it('reads DeepSeek-V3’s programme: tokens for pre-training, steps for context extension, batch in sequences', async () => {
    const { readRequest, DEEPSEEK_V3_PROGRAMME } = await load<ViewModule & { DEEPSEEK_V3_PROGRAMME: { shared: Fields; phases: Phase[] } }>('programme.js');
    const request = readRequest(fakeForm(phaseFields(DEEPSEEK_V3_PROGRAMME.phases)), fakeForm(DEEPSEEK_V3_PROGRAMME.shared));
    expect(request).toEqual({
      model: 'deepseek-v3',
      gpu: 'h800',
      gpuCount: 2048,
      precision: 'fp8',
      optimizerStatePrecision: 'bf16',
      pricePerGpuHourUsd: 2,
      phases: [
        { name: 'pre-training', tokens: 14.8e12, sequenceLength: 4096, batchSequences: 15360 },
        { name: 'context extension 32K', steps: 1000, sequenceLength: 32768, batchSequences: 1920 },
        { name: 'context extension 128K', steps: 1000, sequenceLength: 131072, batchSequences: 480 },
      ],
    });
  });

  it('names the phase field of a local mistake the way the API does', async () => {
    const { readRequest, DEEPSEEK_V3_PROGRAMME } = await load<ViewModule & { DEEPSEEK_V3_PROGRAMME: { shared: Fields; phases: Phase[] } }>('programme.js');
    const shared = fakeForm(DEEPSEEK_V3_PROGRAMME.shared);
    const [pre, ext] = DEEPSEEK_V3_PROGRAMME.phases as [Phase, Phase];
    expect(issueOf(() => readRequest(fakeForm(phaseFields([pre, { ...ext, amount: 'ten' }])), shared))).toMatchObject({ path: 'phases.1.steps' });
    expect(issueOf(() => readRequest(fakeForm(phaseFields([{ ...pre, name: ' ' }])), shared))).toMatchObject({ path: 'phases.0.name' });
    expect(issueOf(() => readRequest(fakeForm(phaseFields([{ ...pre, batchSequences: '' }])), shared))).toMatchObject({ path: 'phases.0.batchSequences' });
    expect(issueOf(() => readRequest(fakeForm({}), shared))).toMatchObject({ path: 'phases' });
  });
});
