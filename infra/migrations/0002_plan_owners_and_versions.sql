-- Saved plans get an owner and the planner version they were computed with.
-- owner_token_hash: hex SHA-256 of the owner token (the token itself is never stored);
--   NULL for plans saved before owners existed (readable by link, listed and changed by nobody).
-- planner_version: PLANNER_VERSION of @gcp/core at save time; NULL before this migration.
-- efficiency_json: the efficiency parameters the plan's response was computed with, as JSON text.
ALTER TABLE saved_plans ADD COLUMN owner_token_hash TEXT;
ALTER TABLE saved_plans ADD COLUMN planner_version TEXT;
ALTER TABLE saved_plans ADD COLUMN efficiency_json TEXT;

CREATE INDEX saved_plans_owner_created_at_ms ON saved_plans (owner_token_hash, created_at_ms DESC);
