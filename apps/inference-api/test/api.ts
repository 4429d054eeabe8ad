import { SELF } from 'cloudflare:test';

/** Helpers for calling the worker under test. */
export const get = (path: string) => SELF.fetch(`https://inference.test${path}`);

export const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  SELF.fetch(`https://inference.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export interface Envelope {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

export async function errorOf(response: Response): Promise<Envelope['error']> {
  const body = (await response.json()) as Envelope;
  return body.error;
}
