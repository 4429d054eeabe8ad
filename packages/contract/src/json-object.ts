import * as v from 'valibot';

/**
 * Property read by @gcp/http's `jsonSchemaOf` to document schemas valibot cannot convert itself
 * (the OpenAPI document of every worker).
 */
export const JSON_SCHEMA_OVERRIDE = 'jsonSchemaOverride';

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON object (not an array, not null) with any members, passed through
 * untouched: for opaque payloads such as a config.json or a stored planner
 * request. (`v.record` would accept arrays and copy them into objects.)
 */
export function jsonObjectSchema(message: string) {
  return Object.assign(v.custom<Record<string, unknown>>(isJsonObject, message), {
    [JSON_SCHEMA_OVERRIDE]: { type: 'object' },
  });
}
