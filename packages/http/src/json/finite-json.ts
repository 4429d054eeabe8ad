import { ApiError, type ErrorIssue } from '../errors/api-error.js';

/**
 * JSON.stringify that refuses NaN / ±Infinity (which JSON.stringify would
 * silently turn into `null`). A non-finite number in a result means the request
 * drove a formula outside its range, so it becomes a 422 envelope naming the
 * offending fields instead of a response with made-up values.
 */
export function stringifyFinite(data: unknown): string {
  const nonFinite: ErrorIssue[] = [];
  const paths = new WeakMap<object, string>();
  const text = JSON.stringify(data, function (this: unknown, key: string, value: unknown) {
    const parentPath = typeof this === 'object' && this !== null ? (paths.get(this) ?? '') : '';
    const path = key === '' ? '' : parentPath === '' ? key : `${parentPath}.${key}`;
    if (typeof value === 'object' && value !== null) paths.set(value, path);
    if (typeof value === 'number' && !Number.isFinite(value)) {
      nonFinite.push({ path, message: 'The computed value is not a finite number' });
    }
    return value;
  });
  if (nonFinite.length > 0) {
    throw new ApiError(
      422,
      'non_finite_result',
      'The request leads to results outside the representable range (not finite numbers); check the sizes in the request.',
      nonFinite.slice(0, 20),
    );
  }
  if (text === undefined) throw new Error('Response body is not JSON-serialisable');
  return text;
}

export function finiteJsonResponse(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(stringifyFinite(data), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
