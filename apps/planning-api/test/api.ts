import { SELF } from 'cloudflare:test';
import { apiClient } from '@gcp/http/testing';

/** Helpers for calling the worker under test. */
export const { get, postJson } = apiClient((url, init) => SELF.fetch(url, init), 'https://planning.test');
export { errorOf, type ErrorEnvelope as Envelope } from '@gcp/http/testing';
