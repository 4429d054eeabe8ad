import { SELF } from 'cloudflare:test';
import { apiClient } from '@gcp/http/testing';

/**
 * Helpers for calling the worker under test: raw requests (`get`, `postJson`) and the
 * contract's typed client (`client`: typed bodies, responses checked against their schemas,
 * non-2xx answers rejected as ApiClientError carrying the envelope).
 */
export const { get, postJson, client } = apiClient((url, init) => SELF.fetch(url, init), 'https://planning.test');
export { errorOf, type ErrorEnvelope as Envelope } from '@gcp/http/testing';
