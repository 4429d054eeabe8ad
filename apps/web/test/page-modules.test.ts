import { describe, expect, it } from 'vitest';

/**
 * The page's plain-JS helpers (public/js) that need no DOM: quantity parsing, number formatting,
 * layout names and launch commands. Imported by a computed path so tsc does not type the JS.
 */
const load = async <T>(file: string): Promise<T> => (await import(/* @vite-ignore */ `../public/js/${file}`)) as T;

interface FormModule {
  parseQuantity(text: string): number;
  compactObject(object: Record<string, unknown>): Record<string, unknown>;
}
interface FormatModule {
  compact(value: number, unit?: string): string;
  usd(value: number): string;
  gigabytes(bytes: number): string;
  seconds(value: number): string;
  percent(fraction: number): string;
}
interface LayoutsModule {
  servingLayoutShort(p: Record<string, number>): string;
  trainingLayout(l: Record<string, unknown>): string;
}
interface LaunchModule {
  launchCommands(settings: Record<string, unknown>, modelId: string): { engine: string; text: string }[];
}

describe('page helpers', () => {
  it('reads quantities as infra engineers type them', async () => {
    const { parseQuantity, compactObject } = await load<FormModule>('form.js');
    expect(parseQuantity('608e9')).toBe(608e9);
    expect(parseQuantity('608B')).toBe(608e9);
    expect(parseQuantity('14.8T')).toBeCloseTo(14.8e12);
    expect(parseQuantity('1,024')).toBe(1024);
    expect(parseQuantity('15360 × 4096')).toBe(15360 * 4096);
    expect(parseQuantity('15360*4096')).toBe(15360 * 4096);
    expect(parseQuantity('0.563')).toBe(0.563);
    expect(parseQuantity('abc')).toBeNaN();
    expect(parseQuantity('-1')).toBeNaN();
    expect(compactObject({ a: 1, b: undefined, c: { d: undefined }, e: { f: false } })).toEqual({ a: 1, e: { f: false } });
  });

  it('formats numbers with units', async () => {
    const f = await load<FormatModule>('format.js');
    expect(f.compact(2_664_891)).toBe('2.66 M');
    expect(f.compact(31_900)).toBe('31.9 k');
    expect(f.usd(87_072)).toBe('$87,072');
    expect(f.usd(5_329_782)).toBe('$5.33 M');
    expect(f.usd(0.000976)).toBe('$0.000976');
    expect(f.gigabytes(75_627_916_928)).toBe('75.6 GB');
    expect(f.seconds(19.913)).toBe('19.91 s');
    expect(f.seconds(0.0434)).toBe('43.4 ms');
    expect(f.percent(0.3907)).toBe('39.1 %');
  });

  it('names layouts and builds launch commands', async () => {
    const { servingLayoutShort, trainingLayout } = await load<LayoutsModule>('layouts.js');
    expect(servingLayoutShort({ attentionTp: 1, attentionDp: 144, moeTp: 1, moeEp: 144, pp: 1 })).toBe('DP144·EP144');
    expect(servingLayoutShort({ attentionTp: 8, attentionDp: 1, moeTp: 8, moeEp: 1 })).toBe('TP8');
    expect(
      trainingLayout({ tp: 1, cp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe', virtualStages: 1, recompute: 'none' }),
    ).toBe('TP1 · PP16 · DP128 · EP64 · ZeRO-1 · micro-batch 1 · DualPipe');
    const { launchCommands } = await load<LaunchModule>('launch.js');
    const commands = launchCommands(
      { sglang: ['--tp', '8', '--enable-dp-attention'], vllm: ['--tensor-parallel-size', '8'], trtllm: { tp_size: 8, kv_cache_config: { dtype: 'fp8' } } },
      'deepseek-v3',
    );
    expect(commands.map((c) => c.engine)).toEqual(['SGLang', 'vLLM', 'TensorRT-LLM']);
    expect(commands[0]?.text).toBe('python -m sglang.launch_server \\\n  --model-path deepseek-ai/DeepSeek-V3 \\\n  --tp 8 \\\n  --enable-dp-attention');
    expect(commands[2]?.text).toContain('kv_cache_config:\n  dtype: fp8');
  });
});

type Fields = Record<string, string | boolean>;
interface PlannerModule {
  readRequest(form: unknown): Record<string, unknown>;
  requestToFields(request: Record<string, unknown>): Fields;
}
interface TrainingModule extends PlannerModule {
  DEEPSEEK_V3_RUN: Fields;
}
interface InferenceModule extends PlannerModule {
  DEEPSEEK_DAY6: Fields;
}

/** Just enough of an HTMLFormElement for readRequest: elements by name, text values, checkboxes for booleans. */
function fakeForm(fields: Fields) {
  const elements: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    elements[name] = typeof value === 'boolean' ? { type: 'checkbox', checked: value, value: 'on' } : { type: 'text', value };
  }
  return { elements: { ...elements, namedItem: (name: string) => elements[name] ?? null } };
}

describe('saved plans: request ↔ form fields', () => {
  it('round-trips training requests (published DeepSeek-V3 run, and a searched layout)', async () => {
    const { readRequest, requestToFields, DEEPSEEK_V3_RUN } = await load<TrainingModule>('training.js');
    const request = readRequest(fakeForm(DEEPSEEK_V3_RUN));
    expect(request).toMatchObject({ gpuCount: 2048, tokens: 14.8e12, globalBatchTokens: 15360 * 4096, parallelism: { pp: 16, zero: 1, schedule: 'dualpipe' } });
    const fields = requestToFields(request);
    expect(fields).toMatchObject({
      model: 'deepseek-v3',
      gpu: 'h800',
      gpuCount: '2048',
      tokens: '14.8e12',
      globalBatchTokens: '15360 × 4096',
      pp: '16',
      zero: '1',
      schedule: 'dualpipe',
    });
    expect(Object.keys(fields).sort()).toEqual(Object.keys(DEEPSEEK_V3_RUN).sort());
    expect(readRequest(fakeForm(fields))).toEqual(request);

    const searched = {
      model: 'llama-3.1-70b',
      gpu: 'h100',
      gpuCount: 1024,
      tokens: 1e12,
      sequenceLength: 8192,
      precision: 'bf16',
      optimizerStatePrecision: 'fp32',
    };
    const searchedFields = requestToFields(searched);
    expect(searchedFields).toMatchObject({ tokens: '1e12', globalBatchTokens: '', pricePerGpuHourUsd: '', tp: '', zero: '', schedule: '' });
    expect(readRequest(fakeForm(searchedFields))).toEqual(searched);

    // fewer than TP, PP, DP and EP constrain the search instead of pinning a layout
    const constrained = { ...searched, layoutConstraints: { tp: 1, schedule: 'dualpipe' } };
    const constrainedFields = requestToFields(constrained);
    expect(constrainedFields).toMatchObject({ tp: '1', pp: '', schedule: 'dualpipe' });
    expect(readRequest(fakeForm(constrainedFields))).toEqual(constrained);
    expect(readRequest(fakeForm({ ...searchedFields, zero: '3' }))).toEqual({ ...searched, layoutConstraints: { zero: 3 } });

    // BF16 gradients and an FP8 scaling are sent and refilled; the defaults (FP32, delayed) are sent as nothing
    expect(searchedFields).toMatchObject({ gradientPrecision: '', fp8Scaling: '' });
    const bf16Gradients = { ...searched, gradientPrecision: 'bf16' };
    const bf16Fields = requestToFields(bf16Gradients);
    expect(bf16Fields).toMatchObject({ gradientPrecision: 'bf16' });
    expect(readRequest(fakeForm(bf16Fields))).toEqual(bf16Gradients);
    const currentScaling = { ...searched, precision: 'fp8', fp8Scaling: 'current' };
    expect(readRequest(fakeForm(requestToFields(currentScaling)))).toEqual(currentScaling);
  });

  it('round-trips inference requests (DeepSeek’s published service, and aggregated with defaults)', async () => {
    const { readRequest, requestToFields, DEEPSEEK_DAY6 } = await load<InferenceModule>('inference.js');
    const request = readRequest(fakeForm(DEEPSEEK_DAY6));
    expect(request).toMatchObject({
      workload: { inputTokensPerDay: 608e9 },
      deployment: { decode: { attentionDp: 144, redundantExperts: 32 }, mtp: { draftTokens: 1 } },
    });
    const fields = requestToFields(request);
    expect(fields).toMatchObject({
      inputTokensPerDay: '608e9',
      outputTokensPerDay: '168e9',
      'decode.moeEp': '144',
      twoBatchOverlap: true,
      mode: 'disaggregated',
      maxTtftMs: '',
    });
    expect(Object.keys(fields).sort()).toEqual(Object.keys(DEEPSEEK_DAY6).sort());
    expect(readRequest(fakeForm(fields))).toEqual(request);

    expect(fields).toMatchObject({ utilization: '', minInstances: '', hourlyLoad: '' });
    expect(request).toMatchObject({ deployment: { mode: 'disaggregated' } });
    expect(request).not.toHaveProperty('workload.utilization');
    expect(request).not.toHaveProperty('deployment.minInstances');

    const hourlyLoad = [...Array(12).fill(0.5), ...Array(12).fill(1.5)];
    const aggregated = {
      model: 'qwen3-235b-a22b',
      gpu: 'h200',
      precision: { weights: 'fp8', kvCache: 'bf16' },
      workload: { inputTokensPerDay: 1.25e12, outputTokensPerDay: 30e9, hourlyLoad, utilization: 0.6 },
      slo: { maxTtftMs: 800 },
      deployment: { mode: 'aggregated', minInstances: 2, twoBatchOverlap: false, mtp: { acceptance: 0.7 } },
    };
    const aggregatedFields = requestToFields(aggregated);
    expect(aggregatedFields).toMatchObject({
      inputTokensPerDay: '1.25e12',
      mode: 'aggregated',
      twoBatchOverlap: false,
      'prefill.attentionTp': '',
      mtpDraftTokens: '',
      utilization: '0.6',
      minInstances: '2',
    });
    expect(aggregatedFields.hourlyLoad).toBe(hourlyLoad.join(', '));
    expect(readRequest(fakeForm(aggregatedFields))).toEqual(aggregated);
  });

  it('always sends the serving mode; plans saved without one were disaggregated (the API’s default then)', async () => {
    const { readRequest, requestToFields } = await load<InferenceModule>('inference.js');
    const legacy = {
      model: 'deepseek-v3',
      gpu: 'h800',
      precision: { weights: 'fp8', kvCache: 'fp8' },
      workload: { inputTokensPerDay: 4e9, outputTokensPerDay: 1e9 },
    };
    const fields = requestToFields(legacy);
    expect(fields.mode).toBe('disaggregated');
    expect(readRequest(fakeForm(fields))).toEqual({ ...legacy, deployment: { mode: 'disaggregated' } });
    expect(readRequest(fakeForm({ ...fields, mode: 'auto' }))).toEqual({ ...legacy, deployment: { mode: 'auto' } });
  });

  it("parses utilisation, minimum instances and the hourly load before calling the API (ranges are the API's)", async () => {
    const { readRequest, requestToFields } = await load<InferenceModule>('inference.js');
    const base = requestToFields({
      model: 'deepseek-v3',
      gpu: 'h800',
      precision: { weights: 'fp8' },
      workload: { inputTokensPerDay: 4e9, outputTokensPerDay: 1e9 },
      deployment: { mode: 'auto' },
    });
    const issue = (fields: Fields) => {
      try {
        readRequest(fakeForm({ ...base, ...fields }));
      } catch (error) {
        return (error as { issues?: { path: string; message: string }[] }).issues?.[0];
      }
      return undefined;
    };
    const day = (values: number[]) => values.join(', ');
    expect(issue({ hourlyLoad: day(Array(23).fill(1)) })).toEqual({ path: 'workload.hourlyLoad', message: 'Enter 24 values separated by commas (23 given)' });
    expect(issue({ hourlyLoad: day([...Array(23).fill(1), -1]) })).toEqual({ path: 'workload.hourlyLoad', message: 'Value 24 must be at least 0' });
    expect(issue({ hourlyLoad: `${day(Array(23).fill(1))}, lots` })).toMatchObject({
      path: 'workload.hourlyLoad',
      message: expect.stringContaining('Value 24'),
    });
    expect(issue({ hourlyLoad: day(Array(24).fill(0)) })).toMatchObject({ path: 'workload.hourlyLoad' });
    // ranges are the API's (the contract's schema answers 400 naming the field); the page only parses
    expect(issue({ utilization: '1.2' })).toBeUndefined();
    expect(issue({ utilization: 'lots' })).toMatchObject({ path: 'workload.utilization' });
    // spaces or semicolons work too, and values keep their scale (the API normalises the shape)
    const request = readRequest(fakeForm({ ...base, hourlyLoad: `${'2 '.repeat(12)}${'4;'.repeat(12)}`, utilization: '1', minInstances: '3' }));
    expect(request).toMatchObject({
      workload: { hourlyLoad: [...Array(12).fill(2), ...Array(12).fill(4)], utilization: 1 },
      deployment: { mode: 'auto', minInstances: 3 },
    });
  });

  it('writes numbers back as they are typed, exactly', async () => {
    const { quantityText, parseQuantity, shortGpuName } = await load<
      FormModule & { quantityText(v: unknown): string; shortGpuName(n?: string, id?: string): string }
    >('form.js');
    expect(quantityText(undefined)).toBe('');
    expect(quantityText(14.8e12)).toBe('14.8e12');
    expect(quantityText(2048)).toBe('2048');
    expect(quantityText(0.563)).toBe('0.563');
    for (const value of [608e9, (1 / 3) * 1e12, 123456789012345, 62914560, 7.3e15]) expect(parseQuantity(quantityText(value))).toBe(value);
    expect(shortGpuName('NVIDIA H800 SXM 80GB', 'h800')).toBe('H800');
    expect(shortGpuName('AMD Instinct MI300X 192GB', 'mi300x')).toBe('MI300X');
    expect(shortGpuName(undefined, 'b200')).toBe('B200');
    expect(shortGpuName('NVIDIA B200 (HGX, 180GB)', 'b200')).toBe('B200');
    expect(shortGpuName('NVIDIA H100 SXM 96GB HBM2e (500 W)', 'h100-96gb-500w')).toBe('H100 500 W');
  });
});
