import type { CreatePlanRequest, PlanSummary, SavedPlan } from '@gcp/contract';
import { PLANNER_VERSION } from '@gcp/core';

/** D1 access for `saved_plans` (infra/migrations/0001_saved_plans.sql, 0002_plan_owners_and_versions.sql). */
export interface PlanRow {
  id: string;
  name: string;
  kind: SavedPlan['kind'];
  request_json: string;
  response_json: string | null;
  created_at_ms: number;
  /** Hex SHA-256 of the owner token; never leaves this module's callers. */
  owner_token_hash: string | null;
  planner_version: string | null;
  efficiency_json: string | null;
}

/** Staleness against today's planner. */
export function staleness(plannerVersion: string | null, today = PLANNER_VERSION): Pick<SavedPlan, 'stale' | 'staleReason'> {
  if (plannerVersion === today) return { stale: false, staleReason: null };
  const reason =
    plannerVersion === null
      ? `Saved before plans recorded the planner version; today's planner is ${today} and may answer differently: recompute to compare.`
      : `Saved with planner ${plannerVersion}; today's planner is ${today} and may answer differently: recompute to compare.`;
  return { stale: true, staleReason: reason };
}

/** The public view of a row: never the owner hash. */
export function toSavedPlan(row: PlanRow): SavedPlan {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    createdAt: new Date(row.created_at_ms).toISOString(),
    request: JSON.parse(row.request_json) as SavedPlan['request'],
    response: row.response_json === null ? null : (JSON.parse(row.response_json) as SavedPlan['response']),
    plannerVersion: row.planner_version,
    efficiencyParameters: row.efficiency_json === null ? null : (JSON.parse(row.efficiency_json) as SavedPlan['efficiencyParameters']),
    ...staleness(row.planner_version),
  };
}

/** `response.efficiencyParameters` when it is an object of finite numbers, else null. */
export function efficiencyParametersOf(response: CreatePlanRequest['response']): Record<string, number> | null {
  const candidate = response?.efficiencyParameters;
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return null;
  const entries = Object.entries(candidate as Record<string, unknown>);
  return entries.every(([, value]) => typeof value === 'number' && Number.isFinite(value)) ? (candidate as Record<string, number>) : null;
}

export async function insertPlan(db: D1Database, plan: CreatePlanRequest, id: string, ownerTokenHash: string, now = Date.now()): Promise<SavedPlan> {
  const efficiency = efficiencyParametersOf(plan.response);
  const row: PlanRow = {
    id,
    name: plan.name,
    kind: plan.kind,
    request_json: JSON.stringify(plan.request),
    response_json: plan.response == null ? null : JSON.stringify(plan.response),
    created_at_ms: now,
    owner_token_hash: ownerTokenHash,
    planner_version: PLANNER_VERSION,
    efficiency_json: efficiency === null ? null : JSON.stringify(efficiency),
  };
  await db
    .prepare(
      'INSERT INTO saved_plans (id, name, kind, request_json, response_json, created_at_ms, owner_token_hash, planner_version, efficiency_json)' +
        ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(row.id, row.name, row.kind, row.request_json, row.response_json, row.created_at_ms, row.owner_token_hash, row.planner_version, row.efficiency_json)
    .run();
  return toSavedPlan(row);
}

export async function findPlanRow(db: D1Database, id: string): Promise<PlanRow | undefined> {
  const row = await db.prepare('SELECT * FROM saved_plans WHERE id = ?').bind(id).first<PlanRow>();
  return row ?? undefined;
}

export async function renamePlan(db: D1Database, id: string, name: string): Promise<void> {
  await db.prepare('UPDATE saved_plans SET name = ? WHERE id = ?').bind(name, id).run();
}

export async function deletePlan(db: D1Database, id: string): Promise<void> {
  await db.prepare('DELETE FROM saved_plans WHERE id = ?').bind(id).run();
}

/** The plans of one owner, newest first (insertion order breaks ties within a millisecond). */
export async function listPlanSummaries(db: D1Database, ownerTokenHash: string, limit: number): Promise<PlanSummary[]> {
  const { results } = await db
    .prepare('SELECT id, name, kind, created_at_ms FROM saved_plans WHERE owner_token_hash = ? ORDER BY created_at_ms DESC, rowid DESC LIMIT ?')
    .bind(ownerTokenHash, limit)
    .all<Pick<PlanRow, 'id' | 'name' | 'kind' | 'created_at_ms'>>();
  return results.map((row) => ({ id: row.id, name: row.name, kind: row.kind, createdAt: new Date(row.created_at_ms).toISOString() }));
}
