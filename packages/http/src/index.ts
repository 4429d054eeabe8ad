export {
  ApiError,
  errorResponse,
  internalErrorResponse,
  invalidRequest,
  forbidden,
  notFound,
  unauthorized,
  unprocessable,
  type ErrorCode,
  type ErrorEnvelope,
  type ErrorIssue,
  type ErrorStatus,
} from './errors/api-error.js';
export {
  CLIENT_IP_HEADER,
  clientKey,
  enforceRateLimit,
  RATE_LIMIT_BINDINGS,
  RATE_LIMIT_RETRY_AFTER_SECONDS,
  rateLimitedError,
  UNKNOWN_CLIENT_KEY,
  type RateLimitClass,
  type RateLimiter,
} from './rate-limit/rate-limit.js';
export { httpExceptionResponse } from './errors/http-exception.js';
export { issueMessage, stripReceived, toErrorIssues } from './errors/valibot-issues.js';
export { finiteJsonResponse, stringifyFinite } from './json/finite-json.js';
export { DEFAULT_BODY_LIMIT_BYTES, isJsonContentType, jsonDepth, MAX_JSON_DEPTH, readJsonBody } from './body/read-json-body.js';
export {
  defineRoute,
  pathMatches,
  pathParameterNames,
  routeDefiner,
  toHonoPath,
  type HttpMethod,
  type RouteConfig,
  type RouteAuth,
  type RouteDefinition,
  type RouteExample,
  type RouteInput,
  type SuccessStatus,
} from './routes/define-route.js';
export {
  ANY_ORIGIN,
  API_SECURITY_HEADERS,
  applySecurityHeaders,
  CORS_ALLOWED_REQUEST_HEADERS,
  CORS_PREFLIGHT_MAX_AGE_SECONDS,
  isWriteOriginAllowed,
  parseAllowedOrigins,
} from './cors/cors-policy.js';
export {
  buildOpenApiDocument,
  buildOperation,
  OWNER_TOKEN_SCHEME,
  SECURITY_SCHEMES,
  withServers,
  ERROR_ENVELOPE_JSON_SCHEMA,
  jsonSchemaOf,
  type OpenApiDocument,
  type OpenApiInfo,
  type OpenApiOperation,
} from './openapi/document.js';
export { isOpenApiDocument, mergeOpenApiDocuments } from './openapi/merge-documents.js';
export { describeProperties, fieldDescription } from './openapi/describe.js';
export { createApiApp, handleError, OPENAPI_PATH, SERVICE_HEADER, unmatchedResponse, type ApiApp, type ApiAppOptions } from './app/create-api-app.js';
export {
  answerRoute,
  CACHE_STATUS_HEADER,
  DEFAULT_CACHE_TTL_SECONDS,
  SERVER_TIMING_HEADER,
  serverTiming,
  type ResponseCacheOptions,
  type ResponseCacheStore,
} from './cache/answer-route.js';
export { CACHE_KEY_ORIGIN, cacheKeyText, cacheKeyUrl, normalisedRequest, sortKeysDeep, type CacheKeyInput } from './cache/cache-key.js';
export { DEFAULT_ISOLATE_CACHE_BYTES, DEFAULT_ISOLATE_CACHE_ENTRIES, IsolateAnswerCache } from './cache/isolate-answers.js';
