import { routeDefiner } from '@gcp/http';

export type PlanningEnv = { Bindings: Cloudflare.Env };

/** `defineRoute` with this worker's bindings (`c.env.DB`) typed. */
export const defineRoute = routeDefiner<PlanningEnv>();
