import { describe, expect, it } from 'vitest';
import { getGpu } from '../../gpus/catalog.js';
import { getModel } from '../../models/catalog.js';
import { candidateLayouts } from '../fleet/candidates.js';
import { PlannerInputError } from '../../errors.js';
import { layoutProblem } from './layout-rules.js';
import { planInference, type PlanRequest } from '../fleet/plan.js';
import { estimateThroughput, type ThroughputRequest } from './throughput.js';

const arch = (id: string) => getModel(id)!.architecture;
const h100 = getGpu('h100')!;
const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof PlannerInputError) return e.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw e;
  }
  return 'no error';
};
const tp = (n: number) => ({ attentionTp: n, attentionDp: 1, moeTp: n, moeEp: 1 });

describe('inference layouts the model and machine allow', () => {
  it('attention TP must divide the attention heads (Llama-3.1-8B has 32)', () => {
    expect(layoutProblem(tp(3), arch('llama-3.1-8b'), h100)?.rule).toMatch(/divide the model's 32 attention heads/);
    expect(layoutProblem(tp(64), arch('llama-3.1-8b'), h100)?.rule).toMatch(/32 attention heads/);
    expect(layoutProblem(tp(8), arch('llama-3.1-8b'), h100)).toBeNull();
    // 16-way TP over 8 KV heads replicates each KV head on two ranks: allowed
    expect(layoutProblem(tp(16), arch('llama-3.1-8b'), h100)).toBeNull();
  });

  // gpuCount 100,000 is beyond the contract's bound (MAX_SERVING_INSTANCE_GPUS; packages/contract inference.test.ts)
  it('a throughput request at TP 64 on Llama-3.1-8B is refused naming the rule', () => {
    const base = { model: 'llama-3.1-8b', gpu: 'h100', precision: { weights: 'fp8' }, inputTokens: 1024, outputTokens: 256, concurrency: 8 } satisfies Omit<
      ThroughputRequest,
      'gpuCount'
    >;
    expect(fieldOf(() => estimateThroughput({ ...base, gpuCount: 64 }))).toMatch(/^parallelism\.attentionTp: .*32 attention heads/);
    expect(fieldOf(() => estimateThroughput({ ...base, gpuCount: 6 }))).toMatch(/attention heads|8-GPU node/);
  });

  it('expert parallelism must spread the expert slots evenly (DeepSeek-V3: 256 routed experts)', () => {
    const v3 = arch('deepseek-v3'),
      h800 = getGpu('h800')!;
    expect(layoutProblem({ attentionTp: 1, attentionDp: 48, moeTp: 1, moeEp: 48 }, v3, h800)?.rule).toMatch(/expert slots/);
    expect(layoutProblem({ attentionTp: 1, attentionDp: 48, moeTp: 1, moeEp: 48, redundantExperts: 32 }, v3, h800)).toBeNull();
    expect(layoutProblem({ attentionTp: 1, attentionDp: 8, moeTp: 1, moeEp: 8, redundantExperts: 300 }, v3, h800)?.field).toBe('parallelism.redundantExperts');
    // MoE TP must divide the expert width (2,048)
    expect(layoutProblem({ attentionTp: 8, attentionDp: 1, moeTp: 3, moeEp: 1 }, v3, h800)).not.toBeNull();
    // a dense model has no experts to split
    expect(layoutProblem({ attentionTp: 1, attentionDp: 8, moeTp: 1, moeEp: 8 }, arch('llama-3.1-70b'), h100)?.field).toBe('parallelism.moeEp');
  });

  it('instances are part of a node or whole nodes, and at most the planner bound', () => {
    expect(layoutProblem({ attentionTp: 4, attentionDp: 3, moeTp: 12, moeEp: 1 }, arch('llama-3.1-70b'), h100)?.rule).toMatch(
      /part of one 8-GPU node \(a divisor of 8\) or whole nodes/,
    );
    expect(layoutProblem({ attentionTp: 4, attentionDp: 4, moeTp: 16, moeEp: 1 }, arch('llama-3.1-70b'), h100)).toBeNull();
    expect(layoutProblem({ attentionTp: 1, attentionDp: 8192, moeTp: 1, moeEp: 8192 }, arch('deepseek-v3'), getGpu('h800')!)?.rule).toMatch(
      /at most 4096 GPUs/,
    );
  });

  it('a pinned plan layout that breaks a rule is a 4xx-bound error naming deployment.<pool>', () => {
    const req = {
      model: 'deepseek-v3',
      gpu: 'h800',
      precision: { weights: 'fp8' },
      workload: { inputTokensPerDay: 1e9, outputTokensPerDay: 1e8 },
    } satisfies PlanRequest;
    expect(fieldOf(() => planInference({ ...req, deployment: { decode: { attentionTp: 1, attentionDp: 48, moeTp: 1, moeEp: 48 } } }))).toMatch(
      /^deployment\.decode\.moeEp: .*expert slots/,
    );
    expect(
      fieldOf(() => planInference({ ...req, deployment: { prefill: { attentionTp: 48, attentionDp: 1, moeTp: 1, moeEp: 48, redundantExperts: 32 } } })),
    ).toMatch(/^deployment\.prefill\.attentionTp: .*128 attention heads/);
  });

  it('the search never proposes a layout that breaks a rule', () => {
    for (const id of [
      'llama-3.1-8b',
      'llama-3.1-70b',
      'llama-3.1-405b',
      'deepseek-v3',
      'mixtral-8x7b',
      'mixtral-8x22b',
      'qwen3-30b-a3b',
      'qwen3-235b-a22b',
      'gpt-oss-120b',
      'kimi-k2',
    ]) {
      for (const gpuId of ['h100', 'h800', 'a100', 'b200', 'mi300x']) {
        const gpu = getGpu(gpuId)!;
        for (const role of ['prefill', 'decode'] as const) {
          const ls = candidateLayouts(arch(id), gpu, role, 1);
          expect(ls.length).toBeGreaterThan(0);
          for (const l of ls) expect(layoutProblem(l, arch(id), gpu)).toBeNull();
        }
      }
    }
  });
});
