/**
 * First planTraining call in a fresh process: what a cold Worker isolate pays (interpreter and
 * baseline tiers, one-time catalog and profile work). Each sample is a new Node process that
 * imports the planner, then times one call with performance.now; the median over processes is
 * printed.
 *
 *   npx tsx bench/first-call.ts [processes=15] [case ...]
 *   npx tsx bench/first-call.ts profile v3-search /tmp/first.cpuprofile   # the call only
 *
 * Cases: the training bench requests (v3-search, v3-published, 405b-search, 1t-search), the fleet
 * plans (fleet-small-v3, fleet-llama-70b, fleet-day6-search) and the decode Pareto sweep (pareto-sweep).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { fileURLToPath } from 'node:url';
import { decodePareto, planInference, planTraining } from '../src/index.js';
import { FLEET_BENCH_CASES, PARETO_CONTEXT_TOKENS, v3DecodeSetups } from './inference-requests.js';
import { BENCH_CASES } from './training-requests.js';

/** Each case: one planner call, returning what the summary line prints. */
export const FIRST_CALL_CASES: Record<string, () => { considered: number; timed: number }> = {
  ...Object.fromEntries(
    Object.entries(BENCH_CASES).map(([k, req]) => [
      k,
      () => {
        const p = planTraining(req);
        return { considered: p.layoutsConsidered, timed: p.layoutsTimed };
      },
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(FLEET_BENCH_CASES).map(([k, req]) => [
      k,
      () => {
        const p = planInference(req);
        return { considered: p.layoutsWeighed + p.layoutsSkipped, timed: p.layoutsWeighed };
      },
    ]),
  ),
  // the sweep's setups are built inside the call: a fresh isolate builds them too
  'pareto-sweep': () => {
    const setups = v3DecodeSetups();
    return { considered: setups.length, timed: decodePareto(setups, PARETO_CONTEXT_TOKENS).length };
  },
};

/** The heavy requests `npm run bench` times in fresh processes (issue 14's four cases). */
export const FRESH_PROCESS_CASES = ['v3-search', '1t-search', 'fleet-small-v3', 'pareto-sweep'] as const;

/** Time one call of `name` in this (fresh) process; prints the milliseconds. */
function child(name: string): void {
  const run = FIRST_CALL_CASES[name];
  if (!run) throw new Error(`unknown case ${name}`);
  const t0 = performance.now();
  const { considered, timed } = run();
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, considered, timed }));
}

/**
 * CPU profile of the first call only (not of module loading): writes a .cpuprofile for
 * Chrome DevTools or a script. Timings under the profiler run slower than unprofiled.
 */
function profileChild(name: string, file: string): void {
  const run = FIRST_CALL_CASES[name];
  if (!run) throw new Error(`unknown case ${name}`);
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => {
    let result: unknown;
    session.post(method, params ?? {}, (err, r) => {
      if (err) throw err;
      result = r;
    });
    return result as { profile?: unknown };
  };
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: 50 });
  post('Profiler.start');
  run();
  const { profile } = post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
}

/** Median of `procs` fresh processes per case. */
export function firstCallMedians(procs: number, names: readonly string[]): void {
  const self = fileURLToPath(import.meta.url);
  for (const name of names) {
    const samples: number[] = [];
    let last = '';
    for (let i = 0; i < procs; i++) {
      last = execFileSync(process.execPath, ['--import', 'tsx', self, 'child', name], { encoding: 'utf8' }).trim();
      samples.push((JSON.parse(last) as { ms: number }).ms);
    }
    samples.sort((a, b) => a - b);
    const q = (f: number) => samples[Math.min(samples.length - 1, Math.floor(f * samples.length))]!;
    const { considered, timed } = JSON.parse(last) as { considered: number; timed: number };
    console.log(
      `${`first call, fresh process: ${name}`.padEnd(48)} median ${q(0.5).toFixed(1)} ms  min ${samples[0]!.toFixed(1)} ms  max ${samples[samples.length - 1]!.toFixed(1)} ms  (${procs} processes) considered=${considered} timed=${timed}`,
    );
  }
}

const [mode, ...rest] = process.argv.slice(2);
const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (!isMain) {
  // imported for FIRST_CALL_CASES: nothing to run
} else if (mode === 'child') child(rest[0] ?? 'v3-search');
else if (mode === 'profile') profileChild(rest[0] ?? 'v3-search', rest[1] ?? 'first-call.cpuprofile');
else {
  const procs = mode !== undefined && /^\d+$/.test(mode) ? Number(mode) : 15;
  const names = mode !== undefined && !/^\d+$/.test(mode) ? [mode, ...rest] : rest;
  firstCallMedians(procs, names.length > 0 ? names : Object.keys(FIRST_CALL_CASES));
}
