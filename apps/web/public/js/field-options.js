// What several forms' field descriptions (js/fields.js) share: option lists ([value, label]) and
// the text a field shows for a request value.
import { quantityText } from './form.js';

/** Training precision: FP8 mixed precision or BF16. @type {ReadonlyArray<readonly [string, string]>} */
export const PRECISION_OPTIONS = [
  ['fp8', 'FP8 (mixed)'],
  ['bf16', 'BF16'],
];

/** A global batch as the hints suggest typing it: 62914560 tokens at 4096 per sequence → "15360 × 4096". */
export function globalBatchText(tokens, request) {
  const seq = request.sequenceLength;
  const whole = Number.isInteger(tokens) && Number.isInteger(seq) && seq > 0 && tokens % seq === 0;
  return whole ? `${tokens / seq} × ${seq}` : quantityText(tokens);
}
