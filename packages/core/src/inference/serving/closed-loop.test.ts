import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateThroughput } from '../../index.js';
import { closedLoopMva } from './closed-loop-mva.js';

const cases = fc.record({
  model: fc.constantFrom('llama-3.1-8b', 'llama-3.1-70b', 'qwen3-30b-a3b'),
  gpu: fc.constantFrom('h100', 'h200', 'b200'),
  inputTokens: fc.integer({ min: 128, max: 8192 }),
  outputTokens: fc.integer({ min: 16, max: 4096 }),
  backend: fc.constantFrom('trtllm', 'vllm', 'sglang'),
});

describe('closed-loop serving (issue 8 physics)', () => {
  it('TTFT rises and per-user speed falls with concurrency (property)', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 256 }), fc.integer({ min: 1, max: 256 }), (c, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const at = (concurrency: number) =>
          estimateThroughput({
            ...c,
            gpuCount: 8,
            concurrency,
            precision: { weights: 'fp8' },
            parallelism: { attentionTp: 8, attentionDp: 1, moeTp: 8, moeEp: 1 },
          });
        const x = at(lo),
          y = at(hi);
        if (x.ttftMs === undefined || y.ttftMs === undefined) return;
        expect(y.ttftMs).toBeGreaterThanOrEqual(x.ttftMs * (1 - 1e-9));
        expect(y.outputTokensPerSecondPerUser!).toBeLessThanOrEqual(x.outputTokensPerSecondPerUser! * (1 + 1e-9));
      }),
      { numRuns: 60, seed: 8 },
    );
  });

  it('exact MVA: one client never queues; many clients saturate at 1 ÷ demand', () => {
    expect(closedLoopMva(1, 0.2, 1.8)).toEqual({ x: 0.5, r: 0.2 });
    const m = closedLoopMva(500, 0.01, 1);
    expect(m.x).toBeCloseTo(100, 6);
    expect(m.r).toBeGreaterThan(0.01 * 100);
  });
});
