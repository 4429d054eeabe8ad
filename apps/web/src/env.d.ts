// Bindings of this worker (see wrangler.jsonc).
declare namespace Cloudflare {
  interface Env {
    ASSETS: Fetcher;
    /** gcp-planning-api: gpus, models, training, saved plans. */
    PLANNING: Fetcher;
    /** gcp-inference-api: /v1/inference/*. */
    INFERENCE: Fetcher;
  }
}
