import { applyD1Migrations, env } from 'cloudflare:test';

// Runs before each test file; applied migrations are recorded, so re-running is a no-op.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
