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

export const apiGet = (path) => send(path, { headers: { accept: 'application/json' } });

export const apiPost = (path, payload) =>
  send(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(payload),
  });
