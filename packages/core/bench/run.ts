/**
 * `npm run bench`: CPU time of the planner's heavy requests, to compare with a Worker's
 * 10 ms CPU budget (free plan). Each suite lives in its own file and exports `suite()`.
 */
import { FRESH_PROCESS_CASES, firstCallMedians } from './first-call.js';
import { printResults, type BenchResult } from './measure.js';
import { suite as accounting } from './accounting.bench.js';
import { suite as training } from './training.bench.js';
import { suite as inference } from './inference.bench.js';
import { suite as largest } from './largest-request.bench.js';

// `largest` last: the most expensive accepted requests found (bench/largest-request.bench.ts), seconds each
const suites: Array<() => BenchResult[]> = [accounting, inference, training, largest];
const results = suites.flatMap((s) => s());
printResults(results);

/** Fresh processes per heavy case: each starts Node and imports the planner (about a second), so a few. */
const FRESH_PROCESSES = 5;
firstCallMedians(FRESH_PROCESSES, FRESH_PROCESS_CASES);
