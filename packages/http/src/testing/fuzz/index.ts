/**
 * An in-process fuzzer for a worker's OpenAPI document: for every operation it sends `runs`
 * generated requests (wrong types, missing and extra fields, edge and boundary numbers, raw
 * exponent and non-JSON number literals, deep nesting, 1 MiB bodies, wrong content types,
 * invalid UTF-8, broken JSON, bad path / query parameters, other methods, bad bearer tokens, and
 * valid variants of the documented example) straight to the app's fetch (no network), and checks
 * each answer (check.ts). Seeded: the same seed replays the same requests.
 */
import type { OpenApiDocument } from '../../openapi/document.js';
import { responseProblems } from './check.js';
import { type FuzzTarget, fuzzRequest, operationsOf } from './generate.js';
import { Random } from './random.js';

export type { FuzzTarget } from './generate.js';

export interface FuzzOptions {
  readonly origin: string;
  /** Requests per operation. */
  readonly runs: number;
  readonly seed: number;
  /** A stored thing some requests of an operation act on (a saved plan's id and token). */
  readonly target?: (operation: string) => FuzzTarget | undefined;
  /** Only these operations (`POST /v1/plans`); default all. */
  readonly only?: readonly string[];
}

export interface FuzzFailure {
  readonly operation: string;
  readonly strategy: string;
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly problems: readonly string[];
}

export interface OperationReport {
  readonly requests: number;
  readonly statuses: Record<number, number>;
  readonly milliseconds: number;
}

export interface FuzzReport {
  readonly seed: number;
  readonly operations: Record<string, OperationReport>;
  /** The first failures (at most 20), each with the request that caused it. */
  readonly failures: FuzzFailure[];
  readonly failureCount: number;
}

const MAX_KEPT_FAILURES = 20;

function preview(body: BodyInit | null | undefined): string {
  if (typeof body === 'string') return body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body;
  if (body instanceof Uint8Array) return `<${body.byteLength} bytes>`;
  return body === undefined || body === null ? '' : '<stream>';
}

export async function fuzzDocument(
  document: OpenApiDocument,
  fetcher: (request: Request) => Response | Promise<Response>,
  options: FuzzOptions,
): Promise<FuzzReport> {
  const random = new Random(options.seed);
  const operations: Record<string, OperationReport> = {};
  const failures: FuzzFailure[] = [];
  let failureCount = 0;
  for (const operation of operationsOf(document)) {
    if (options.only && !options.only.includes(operation.name)) continue;
    const statuses: Record<number, number> = {};
    const started = Date.now();
    const target = options.target?.(operation.name);
    for (let i = 0; i < options.runs; i++) {
      const request = fuzzRequest(operation, random, options.origin, target);
      let problems: string[];
      let status = 0;
      try {
        const response = await fetcher(new Request(request.url, request.init));
        status = response.status;
        problems = responseProblems(operation, request, status, response.headers.get('content-type'), await response.text());
      } catch (error) {
        problems = [`threw: ${String(error)}`];
      }
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (problems.length > 0) {
        failureCount++;
        if (failures.length < MAX_KEPT_FAILURES) {
          failures.push({
            operation: operation.name,
            strategy: request.strategy,
            method: String(request.init.method),
            url: request.url,
            body: preview(request.init.body),
            problems,
          });
        }
      }
    }
    operations[operation.name] = { requests: options.runs, statuses, milliseconds: Date.now() - started };
  }
  return { seed: options.seed, operations, failures, failureCount };
}

/** One line per operation: requests, status counts, time. */
export function formatFuzzReport(report: FuzzReport): string {
  const lines = Object.entries(report.operations).map(([name, r]) => {
    const statuses = Object.entries(r.statuses)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    return `  ${name.padEnd(34)} ${String(r.requests).padStart(7)} requests ${String(r.milliseconds).padStart(7)} ms  ${statuses}`;
  });
  return [`fuzz seed ${report.seed}: ${report.failureCount} failures`, ...lines].join('\n');
}
