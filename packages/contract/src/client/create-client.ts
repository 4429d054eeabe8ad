import * as v from 'valibot';
import { kvCacheResponseSchema } from '../inference/kv-cache.js';
import { inferencePlanResponseSchema } from '../inference/plan-response.js';
import { throughputResponseSchema } from '../inference/throughput.js';
import { gpuListResponseSchema, gpuResponseSchema } from '../planning/gpus.js';
import { healthResponseSchema } from '../planning/health.js';
import { analyzeModelResponseSchema, modelDetailResponseSchema, modelListResponseSchema } from '../planning/models.js';
import { createdPlanSchema, planListResponseSchema, savedPlanSchema } from '../planning/plans.js';
import { trainingPlanResponseSchema } from '../planning/training-response.js';
import type {
  AnalyzeModelRequest,
  AnalyzeModelResponse,
  CreatedPlan,
  CreatePlanRequest,
  GpuListResponse,
  HealthResponse,
  GpuResponse,
  InferencePlanRequest,
  InferencePlanResponse,
  KvCacheRequest,
  KvCacheResponse,
  ModelDetailResponse,
  ModelListResponse,
  ModelQuery,
  PlanListQuery,
  PlanListResponse,
  RenamePlanRequest,
  SavedPlan,
  ThroughputRequest,
  ThroughputResponse,
  TrainingPlanRequest,
  TrainingPlanResponse,
} from '../types.js';
import { ApiClientError } from './api-client-error.js';

/** `fetch`, or anything shaped like it (e.g. `SELF.fetch` of cloudflare:test). */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /**
   * Parse every success body with its response schema and throw ApiClientError
   * `invalid_response` when it does not match (tests turn this on); default off.
   */
  readonly checkResponses?: boolean;
  /** Headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as `Authorization: Bearer <ownerToken>` (saved plans: list, rename, delete, save under it). */
  readonly ownerToken?: string;
}

/** One typed method per endpoint; each resolves to the typed success body or rejects with ApiClientError. */
export interface PlannerClient {
  /** GET /v1/health: the planning worker is up, and which planner version it runs. */
  health(): Promise<HealthResponse>;
  listGpus(): Promise<GpuListResponse>;
  getGpu(id: string): Promise<GpuResponse>;
  listModels(): Promise<ModelListResponse>;
  getModel(id: string, query?: ModelQuery): Promise<ModelDetailResponse>;
  analyzeModel(body: AnalyzeModelRequest): Promise<AnalyzeModelResponse>;
  planTraining(body: TrainingPlanRequest): Promise<TrainingPlanResponse>;
  /** Saves under `options.ownerToken` when set, else under a new token (returned as `ownerToken`). */
  createPlan(body: CreatePlanRequest): Promise<CreatedPlan>;
  /** Needs `options.ownerToken`. */
  listPlans(query?: PlanListQuery): Promise<PlanListResponse>;
  getPlan(id: string): Promise<SavedPlan>;
  /** Owner only (`options.ownerToken`). */
  renamePlan(id: string, body: RenamePlanRequest): Promise<SavedPlan>;
  /** Owner only (`options.ownerToken`); resolves when the plan is gone (204). */
  deletePlan(id: string): Promise<void>;
  kvCache(body: KvCacheRequest): Promise<KvCacheResponse>;
  throughput(body: ThroughputRequest): Promise<ThroughputResponse>;
  planInference(body: InferencePlanRequest): Promise<InferencePlanResponse>;
}

async function jsonOrUndefined(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function queryString(query: Readonly<Record<string, number | undefined>> = {}): string {
  const entries = Object.entries(query).filter((entry): entry is [string, number] => entry[1] !== undefined);
  return entries.length === 0 ? '' : `?${new URLSearchParams(Object.fromEntries(entries.map(([key, value]) => [key, String(value)]))).toString()}`;
}

const NO_CONTENT = 204;

const segment = (id: string) => encodeURIComponent(id);

/**
 * A typed client of the planner API at `baseUrl` (the web worker's origin serves every endpoint;
 * a worker's own origin serves its part). Request bodies are sent as given: the server validates
 * them and answers 400 envelopes, which reject as ApiClientError with the issues.
 */
export function createClient(baseUrl: string, fetchImpl: FetchLike = (url, init) => fetch(url, init), options: ClientOptions = {}): PlannerClient {
  const origin = baseUrl.replace(/\/+$/, '');

  async function call<S extends v.GenericSchema>(
    schema: S,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<v.InferOutput<S>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.ownerToken !== undefined) headers.authorization = `Bearer ${options.ownerToken}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetchImpl(`${origin}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const json = await jsonOrUndefined(response);
    if (!response.ok) throw ApiClientError.fromBody(response.status, json);
    if (response.status === NO_CONTENT) return undefined as v.InferOutput<S>;
    if (!options.checkResponses) return json as v.InferOutput<S>;
    const checked = v.safeParse(schema, json);
    if (checked.success) return checked.output;
    const issues = checked.issues.map((issue) => ({ path: (issue.path ?? []).map((item) => String(item.key)).join('.'), message: issue.message }));
    throw new ApiClientError(response.status, 'invalid_response', `The response of ${method} ${path} does not match its schema.`, issues);
  }

  return {
    health: () => call(healthResponseSchema, 'GET', '/v1/health'),
    listGpus: () => call(gpuListResponseSchema, 'GET', '/v1/gpus'),
    getGpu: (id) => call(gpuResponseSchema, 'GET', `/v1/gpus/${segment(id)}`),
    listModels: () => call(modelListResponseSchema, 'GET', '/v1/models'),
    getModel: (id, query) => call(modelDetailResponseSchema, 'GET', `/v1/models/${segment(id)}${queryString(query)}`),
    analyzeModel: (body) => call(analyzeModelResponseSchema, 'POST', '/v1/models/analyze', body),
    planTraining: (body) => call(trainingPlanResponseSchema, 'POST', '/v1/training/plan', body),
    createPlan: (body) => call(createdPlanSchema, 'POST', '/v1/plans', body),
    listPlans: (query) => call(planListResponseSchema, 'GET', `/v1/plans${queryString(query)}`),
    getPlan: (id) => call(savedPlanSchema, 'GET', `/v1/plans/${segment(id)}`),
    renamePlan: (id, body) => call(savedPlanSchema, 'PATCH', `/v1/plans/${segment(id)}`, body),
    deletePlan: (id) => call(v.undefined(), 'DELETE', `/v1/plans/${segment(id)}`),
    kvCache: (body) => call(kvCacheResponseSchema, 'POST', '/v1/inference/kv-cache', body),
    throughput: (body) => call(throughputResponseSchema, 'POST', '/v1/inference/throughput', body),
    planInference: (body) => call(inferencePlanResponseSchema, 'POST', '/v1/inference/plan', body),
  };
}
