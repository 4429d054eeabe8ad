import type { CreatePlanRequest, PlanSummary, SavedPlan } from '@gcp/contract';

/** D1 access for `saved_plans` (infra/migrations/0001_saved_plans.sql). */
interface PlanRow {
  id: string;
  name: string;
  kind: SavedPlan['kind'];
  request_json: string;
  response_json: string | null;
  created_at_ms: number;
}

function toSavedPlan(row: PlanRow): SavedPlan {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    createdAt: new Date(row.created_at_ms).toISOString(),
    request: JSON.parse(row.request_json) as SavedPlan['request'],
    response: row.response_json === null ? null : (JSON.parse(row.response_json) as SavedPlan['response']),
  };
}

export async function insertPlan(db: D1Database, plan: CreatePlanRequest, now = Date.now()): Promise<SavedPlan> {
  const row: PlanRow = {
    id: crypto.randomUUID(),
    name: plan.name,
    kind: plan.kind,
    request_json: JSON.stringify(plan.request),
    response_json: plan.response == null ? null : JSON.stringify(plan.response),
    created_at_ms: now,
  };
  await db
    .prepare('INSERT INTO saved_plans (id, name, kind, request_json, response_json, created_at_ms) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(row.id, row.name, row.kind, row.request_json, row.response_json, row.created_at_ms)
    .run();
  return toSavedPlan(row);
}

export async function findPlan(db: D1Database, id: string): Promise<SavedPlan | undefined> {
  const row = await db.prepare('SELECT * FROM saved_plans WHERE id = ?').bind(id).first<PlanRow>();
  return row === null ? undefined : toSavedPlan(row);
}

/** Newest first (insertion order breaks ties within a millisecond). */
export async function listPlanSummaries(db: D1Database, limit: number): Promise<PlanSummary[]> {
  const { results } = await db
    .prepare('SELECT id, name, kind, created_at_ms FROM saved_plans ORDER BY created_at_ms DESC, rowid DESC LIMIT ?')
    .bind(limit)
    .all<Pick<PlanRow, 'id' | 'name' | 'kind' | 'created_at_ms'>>();
  return results.map((row) => ({ id: row.id, name: row.name, kind: row.kind, createdAt: new Date(row.created_at_ms).toISOString() }));
}
