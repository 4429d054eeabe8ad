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
    expect(trainingLayout({ tp: 1, cp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe', virtualStages: 1, recompute: 'none' }))
      .toBe('TP1 · PP16 · DP128 · EP64 · ZeRO-1 · micro-batch 1 · DualPipe');
    const { launchCommands } = await load<LaunchModule>('launch.js');
    const commands = launchCommands({ sglang: ['--tp', '8', '--enable-dp-attention'], vllm: ['--tensor-parallel-size', '8'], trtllm: { tp_size: 8, kv_cache_config: { dtype: 'fp8' } } }, 'deepseek-v3');
    expect(commands.map((c) => c.engine)).toEqual(['SGLang', 'vLLM', 'TensorRT-LLM']);
    expect(commands[0]?.text).toBe('python -m sglang.launch_server \\\n  --model-path deepseek-ai/DeepSeek-V3 \\\n  --tp 8 \\\n  --enable-dp-attention');
    expect(commands[2]?.text).toContain('kv_cache_config:\n  dtype: fp8');
  });
});
