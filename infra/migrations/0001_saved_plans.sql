-- Saved plans: a named training or inference request with (optionally) the
-- response it produced, stored as JSON text.
CREATE TABLE saved_plans (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('training', 'inference')),
  request_json TEXT NOT NULL,
  response_json TEXT,
  created_at_ms INTEGER NOT NULL
);

CREATE INDEX saved_plans_created_at_ms ON saved_plans (created_at_ms DESC);
