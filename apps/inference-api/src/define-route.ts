import { routeDefiner } from '@gcp/http';

export type InferenceEnv = { Bindings: Cloudflare.Env };

/** `defineRoute` with this worker's bindings typed. */
export const defineRoute = routeDefiner<InferenceEnv>();
