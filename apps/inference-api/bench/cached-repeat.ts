/**
 * `npm run bench` (this worker's part): fleet plans with the whole-instance search (and their
 * Pareto frontiers) through the whole inference-api app in Node, computed once and then
 * repeated, answered from the isolate's cache tier.
 */
import { DAY6_SEARCH, SMALL_V3_SEARCH } from '@gcp/core/bench/inference-requests';
import { benchCachedRepeat, printRepeatResults } from '@gcp/http/testing/bench';
import { app } from '../src/app.js';

const PATH = '/v1/inference/plan';
printRepeatResults([
  await benchCachedRepeat(app, 'POST /v1/inference/plan, small DeepSeek-V3 fleet', PATH, SMALL_V3_SEARCH),
  await benchCachedRepeat(app, "POST /v1/inference/plan, DeepSeek's Day-6 fleet", PATH, DAY6_SEARCH),
]);
