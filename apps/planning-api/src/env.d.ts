// Bindings of this worker (see wrangler.jsonc); merged into the global Cloudflare.Env.
declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
  }
}
