import { ERROR_CODES } from '@gcp/contract';
import type { FuzzOperation, FuzzRequest } from './generate.js';

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const CODES = new Set<string>(ERROR_CODES);

/** Number fields of a 2xx body that are not finite numbers where the response schema says `number`. */
function badNumbers(value: unknown, schema: unknown, path: string, out: string[]): void {
  if (!isObject(schema) || out.length > 5) return;
  if (schema.type === 'number' || schema.type === 'integer') {
    if (typeof value !== 'number' || !Number.isFinite(value)) out.push(`${path || '(root)'} = ${JSON.stringify(value)}`);
    return;
  }
  if (Array.isArray(schema.anyOf)) {
    // nullable numbers and unions: only check a value that is present and not null
    const numberOption = schema.anyOf.find((option) => isObject(option) && (option.type === 'number' || option.type === 'integer'));
    if (numberOption && value !== null && typeof value !== 'object') badNumbers(value, numberOption, path, out);
    for (const option of schema.anyOf) if (isObject(option) && option.type === 'object' && isObject(value)) badNumbers(value, option, path, out);
    return;
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    for (const [i, item] of value.entries()) badNumbers(item, schema.items, `${path}.${i}`, out);
  }
  if (isObject(value) && isObject(schema.properties)) {
    for (const [key, property] of Object.entries(schema.properties)) if (key in value) badNumbers(value[key], property, path ? `${path}.${key}` : key, out);
  }
}

function envelopeProblem(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'error body is not JSON';
  }
  const error = isObject(body) ? body.error : undefined;
  if (!isObject(error)) return 'error body is not the envelope';
  if (typeof error.code !== 'string' || !CODES.has(error.code)) return `unknown error code ${String(error.code)}`;
  if (typeof error.message !== 'string' || error.message === '') return 'envelope without a message';
  if (!Array.isArray(error.issues)) return 'envelope without issues';
  for (const issue of error.issues) if (!isObject(issue) || typeof issue.path !== 'string' || typeof issue.message !== 'string') return 'malformed issue';
  if (error.issues.some((issue) => /Expected never/.test(String((issue as JsonObject).message)))) return 'valibot "Expected never" message';
  return undefined;
}

/**
 * What is wrong with one answer ([] when nothing): a 5xx; a 4xx outside the envelope, or with a
 * status the operation does not document; a 2xx whose number fields are not finite numbers.
 */
export function responseProblems(operation: FuzzOperation, request: FuzzRequest, status: number, contentType: string | null, text: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`status ${status}: ${text.slice(0, 300)}`);
  if (status >= 400) {
    if (!(contentType ?? '').includes('application/json')) problems.push(`status ${status} with content-type ${contentType}`);
    // HEAD answers carry no body
    else if (request.init.method !== 'HEAD') {
      const problem = envelopeProblem(text);
      if (problem) problems.push(`status ${status}: ${problem}: ${text.slice(0, 200)}`);
    }
    // a request with the operation's own method on its own path answers a documented status (404: the path no longer matches)
    if (request.ownMethod && !operation.statuses.has(status) && status !== 404 && status !== 405)
      problems.push(`undocumented status ${status}: ${text.slice(0, 200)}`);
  } else if (status >= 200 && status < 300 && status !== 204 && request.init.method !== 'HEAD') {
    // a bare NaN / Infinity is not JSON (JSON.parse fails); echoed strings ("NaN" as a plan name) are fine
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      problems.push('2xx body is not JSON');
    }
    if (body !== undefined && operation.responseSchema) {
      const bad: string[] = [];
      badNumbers(body, operation.responseSchema, '', bad);
      if (bad.length > 0) problems.push(`non-finite or null number fields: ${bad.join(', ')}`);
    }
  }
  return problems;
}
