import { describe, expect, it } from 'vitest';

/**
 * The page helpers behind the result states, links, comparison and export (public/js) that need
 * no DOM. Imported by a computed path so tsc does not type the JS.
 */
const load = async <T>(file: string): Promise<T> => (await import(/* @vite-ignore */ `../public/js/${file}`)) as T;

type Issue = { path?: string; message: string };
type Fields = Record<string, string>;

function fakeForm(fields: Fields) {
  const elements: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) elements[name] = { type: 'text', value };
  return { elements: { ...elements, namedItem: (name: string) => elements[name] ?? null } };
}

describe('field errors in words', () => {
  it('drops the field name the label already says, and never shows raw validator text', async () => {
    const { humanIssueMessage } = await load<{ humanIssueMessage(issue: Issue): string }>('field-errors.js');
    expect(humanIssueMessage({ path: 'workload.cacheHitRate', message: 'cacheHitRate must be ≤ 1' })).toBe('Must be ≤ 1');
    expect(humanIssueMessage({ path: 'gpuCount', message: 'gpuCount must be a whole number' })).toBe('Must be a whole number');
    expect(humanIssueMessage({ path: 'tokens', message: 'Invalid type: Expected number but received "abc"' })).toBe('Enter a number');
    expect(humanIssueMessage({ path: 'workload.peak', message: 'Invalid key: Expected never but received "peak"' })).toMatch(
      /^“peak” is not something this planner reads: .*Remove it\.$/,
    );
    expect(humanIssueMessage({ path: 'deployment.foo', message: 'unknown field `foo`' })).toMatch(/^“foo” is not something this planner reads/);
    expect(humanIssueMessage({ path: 'model', message: 'unknown field `bar`' })).toMatch(/“bar” .* in model:/);
    expect(humanIssueMessage({ message: 'Give all of TP, PP, DP and EP' })).toBe('Give all of TP, PP, DP and EP');
  });

  it('reports every unreadable field of a form at once (not only the first)', async () => {
    const { collectIssues } = await load<{ collectIssues<T>(read: () => T): T }>('form.js');
    const { readRequest, DEEPSEEK_V3_RUN } = await load<{ readRequest(form: unknown): unknown; DEEPSEEK_V3_RUN: Fields }>('training.js');
    const form = fakeForm({ ...DEEPSEEK_V3_RUN, gpuCount: 'many', tokens: '', sequenceLength: '4k?' });
    let issues: Issue[] = [];
    try {
      collectIssues(() => readRequest(form));
    } catch (error) {
      issues = (error as { issues: Issue[] }).issues;
    }
    expect(issues.map((i) => i.path)).toEqual(['gpuCount', 'tokens', 'sequenceLength']);
    // without collectIssues a reader stops at the first
    expect(() => readRequest(form)).toThrow();
  });
});

describe('pasted config.json', () => {
  it('is titled by its _name_or_path (or the name typed), never by its architecture class', async () => {
    const f = await load<{
      configName(config: unknown): string | undefined;
      readModel(form: unknown): unknown;
      modelFields(model: unknown): Fields;
      modelTitle(model: unknown): string;
    }>('form.js');
    const config = { architectures: ['LlamaForCausalLM'], _name_or_path: 'meta-llama/Llama-3.1-8B', hidden_size: 4096 };
    expect(f.configName(config)).toBe('Llama-3.1-8B');
    expect(f.configName({ architectures: ['LlamaForCausalLM'] })).toBeUndefined();
    expect(f.modelTitle({ config })).toBe('Llama-3.1-8B');
    expect(f.modelTitle({ config: { architectures: ['X'] } })).toBe('Pasted model');
    const text = JSON.stringify(config);
    expect(f.readModel(fakeForm({ model: 'pasted', modelConfig: text, modelName: 'Llama-3.1-8B' }))).toEqual({ config });
    expect(f.readModel(fakeForm({ model: 'pasted', modelConfig: text, modelName: 'my edit' }))).toEqual({ config: { ...config, _name_or_path: 'my edit' } });
    expect(f.readModel(fakeForm({ model: 'deepseek-v3', modelConfig: '', modelName: '' }))).toBe('deepseek-v3');
    expect(() => f.readModel(fakeForm({ model: 'pasted', modelConfig: '{oops', modelName: '' }))).toThrow();
    expect(f.modelFields({ config })).toEqual({ model: 'pasted', modelConfig: JSON.stringify(config, null, 2), modelName: 'Llama-3.1-8B' });
    expect(f.modelFields('deepseek-v3')).toEqual({ model: 'deepseek-v3', modelConfig: '', modelName: '' });
  });
});

describe('comparison and export', () => {
  it('compares inputs key by key and states changes against scenario 1', async () => {
    const { flatten, deltaText } = await load<{ flatten(v: unknown): Fields; deltaText(v: number | null, base: number | null): string }>('compare.js');
    expect(flatten({ gpu: 'h800', workload: { inputTokensPerDay: 608e9, hourlyLoad: [1, 2] }, model: { config: { a: 1 } } })).toEqual({
      gpu: 'h800',
      'workload.inputTokensPerDay': '608000000000',
      'workload.hourlyLoad': '1, 2',
      'model.config': '(pasted config.json)',
    });
    expect(deltaText(112.3, 100)).toBe('+12 %');
    expect(deltaText(95, 100)).toBe('−5.0 %');
    expect(deltaText(100, 100)).toBe('same');
    expect(deltaText(null, 100)).toBe('');
  });

  it('writes CSV as spreadsheets read it, and file names without odd characters', async () => {
    const { toCsv, slug } = await load<{ toCsv(rows: string[][]): string; slug(text: string): string }>('export.js');
    expect(
      toCsv([
        ['Figure', 'Value'],
        ['Cost', '$4.9 M'],
        ['Layout', 'TP1 · PP16, "DualPipe"'],
      ]),
    ).toBe('Figure,Value\r\nCost,$4.9 M\r\nLayout,"TP1 · PP16, ""DualPipe"""\r\n');
    expect(slug('DeepSeek-V3 on 2,048 H800')).toBe('deepseek-v3-on-2-048-h800');
  });
});
