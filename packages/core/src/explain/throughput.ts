import type { Explanations } from '@gcp/contract';
import type { ServingTerms } from '../inference/serving/serving.js';
import { convert } from '../units/units.js';
import { explain, explanations } from './explanation.js';

const MS_PER_S = convert(1, 's', 'ms');
const ms = (seconds: number) => convert(seconds, 's', 'ms');

/** What one aggregated instance's TTFT, TPOT and throughput are made of (serving.ts's closed loop). */
export interface ThroughputFigures {
  readonly terms: ServingTerms;
  readonly batch: number;
  readonly outputTokens: number;
  readonly gpuCount: number;
  readonly slotWaitS: number;
  readonly ttftMs: number;
  readonly tpotMs: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly outputTokensPerSecondPerUser: number;
}

/** TTFT, TPOT, tokens/s per GPU and per user of a throughput estimate, each with its formula and values. */
export function explainThroughput(f: ThroughputFigures): Explanations {
  const t = f.terms;
  return explanations({
    tpotMs: explain(
      'Time per output token',
      'TPOT = decode step per token + (batch − 1) × prefill time per prompt ÷ output tokens (the other members’ prefills interrupt the decode)',
      [
        ['decode step per token', ms(t.decodeTpotS), 'ms'],
        ['batch', f.batch, 'sequences'],
        ['prefill time per prompt', ms(t.prefillPerPromptS), 'ms'],
        ['output tokens', Math.max(f.outputTokens, 1), 'tokens'],
      ],
      f.tpotMs,
      'ms',
    ),
    ttftMs: explain(
      'Time to first token',
      'TTFT = request overhead + the prompt’s own prefill + wait for prefill capacity + first decode step + wait for a batch slot',
      [
        ['request overhead', ms(t.overheadS), 'ms'],
        ['own prefill', ms(t.ownPrefillS), 'ms'],
        ['wait for prefill capacity', ms(t.prefillWaitS), 'ms'],
        ['first decode step', ms(t.firstTokenS), 'ms'],
        ['wait for a batch slot', ms(f.slotWaitS), 'ms'],
      ],
      f.ttftMs,
      'ms',
    ),
    outputTokensPerSecondPerGpu: explain(
      'Output tokens/s per GPU',
      'tokens/s per GPU = batch × output tokens ÷ (one request’s time in the batch × GPUs)',
      [
        ['batch', f.batch, 'sequences'],
        ['output tokens', f.outputTokens, 'tokens'],
        ['request time in the batch', t.serviceS, 's'],
        ['GPUs', f.gpuCount, 'GPUs'],
      ],
      f.outputTokensPerSecondPerGpu,
      'tokens/s',
    ),
    outputTokensPerSecondPerUser: explain(
      'Output tokens/s per user',
      'tokens/s per user = 1,000 ms/s ÷ TPOT',
      [
        ['ms per second', MS_PER_S, 'ms/s'],
        ['TPOT', f.tpotMs, 'ms'],
      ],
      f.outputTokensPerSecondPerUser,
      'tokens/s',
    ),
  });
}
