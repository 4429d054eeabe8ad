// Calls to the planner API (same origin) and readable errors from its envelope:
// {"error": {"code", "message", "issues": [{"path", "message"}]}}
// Request and response bodies are the contract's (@gcp/contract): each section names its types.

/** @typedef {import('@gcp/contract').ErrorEnvelope} ErrorEnvelope */

export class ApiRequestError extends Error {
  /**
   * @param {number} status  the HTTP status; 0 for a local mistake or an unreachable API
   * @param {{code?: string, message?: string, issues?: ErrorEnvelope['error']['issues']}} error  the envelope's error, or a local one
   */
  constructor(status, error) {
    super(error.message ?? `Request failed (HTTP ${status})`);
    this.status = status;
    this.code = error.code ?? 'unknown';
    this.issues = Array.isArray(error.issues) ? error.issues : [];
  }
}

async function send(path, init) {
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiRequestError(0, { code: 'network', message: 'The planner API could not be reached.' });
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiRequestError(response.status, body && typeof body.error === 'object' ? body.error : {});
  }
  return body;
}

/** @param {Record<string, string>} [headers] extra headers (e.g. the owner token's `authorization`) */
export const apiGet = (path, headers = {}) => send(path, { headers: { accept: 'application/json', ...headers } });

/** @param {Record<string, string>} [headers] */
export const apiPost = (path, payload, headers = {}) => apiSend('POST', path, payload, headers);

/**
 * Any method; a JSON body when `payload` is given. A 204 resolves to null.
 * @param {'POST' | 'PATCH' | 'DELETE'} method @param {string} path @param {unknown} [payload] @param {Record<string, string>} [headers]
 */
export const apiSend = (method, path, payload, headers = {}) =>
  send(path, {
    method,
    headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), accept: 'application/json', ...headers },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
