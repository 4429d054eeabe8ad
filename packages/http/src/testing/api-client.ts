/**
 * Helpers for worker tests: call a worker (e.g. `SELF.fetch` of cloudflare:test) at a fixed
 * origin, raw (`get`, `postJson`: status, headers, malformed bodies) or through the contract's
 * typed client (`client`: typed bodies, responses checked against their schemas, errors as
 * ApiClientError with the envelope), and read the error envelope. Test-only; no worker imports this.
 */
import type { ErrorEnvelope as ContractErrorEnvelope } from '@gcp/contract';
import { createClient, type FetchLike, type PlannerClient } from '@gcp/contract/client';

export type Fetcher = FetchLike;

/** The envelope with mutable issue lists, as tests build and compare them. */
export interface ErrorEnvelope {
  error: { code: ContractErrorEnvelope['error']['code']; message: string; issues: { path: string; message: string }[] };
}

export function apiClient(
  fetcher: Fetcher,
  origin: string,
): {
  get: (path: string) => Promise<Response>;
  postJson: (path: string, body: unknown, headers?: Record<string, string>) => Promise<Response>;
  client: PlannerClient;
} {
  return {
    get: (path: string) => fetcher(`${origin}${path}`),
    postJson: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetcher(`${origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    client: createClient(origin, fetcher, { checkResponses: true }),
  };
}

export async function errorOf(response: Response): Promise<ErrorEnvelope['error']> {
  const body = (await response.json()) as ErrorEnvelope;
  return body.error;
}
