/**
 * `npm run bench` (this worker's part): a heavy training search through the whole planning-api
 * app in Node, computed once and then repeated, answered from the isolate's cache tier.
 */
import { MEGATRON_1T_SEARCH, V3_SEARCH } from '@gcp/core/bench/training-requests';
import { benchCachedRepeat, printRepeatResults } from '@gcp/http/testing/bench';
import { app } from '../src/app.js';

const PATH = '/v1/training/plan';
printRepeatResults([
  await benchCachedRepeat(app, 'POST /v1/training/plan, DeepSeek-V3 search on 2,048 H800', PATH, V3_SEARCH),
  await benchCachedRepeat(app, 'POST /v1/training/plan, 1T search on 3,072 A100', PATH, MEGATRON_1T_SEARCH),
]);
