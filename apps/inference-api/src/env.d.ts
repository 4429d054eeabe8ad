// Bindings of this worker (see wrangler.jsonc); none yet. Add them here when wrangler.jsonc gains some.
declare namespace Cloudflare {
  interface Env {}
}
