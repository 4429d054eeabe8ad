/**
 * Helpers for worker tests: call a worker (e.g. `SELF.fetch` of cloudflare:test) at a fixed
 * origin and read the error envelope. Test-only; no worker imports this.
 */
export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

export interface ErrorEnvelope {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

export function apiClient(fetcher: Fetcher, origin: string) {
  return {
    get: (path: string) => fetcher(`${origin}${path}`),
    postJson: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetcher(`${origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}

export async function errorOf(response: Response): Promise<ErrorEnvelope['error']> {
  const body = (await response.json()) as ErrorEnvelope;
  return body.error;
}
