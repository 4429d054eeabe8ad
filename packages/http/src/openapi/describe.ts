import { FIELD_DESCRIPTIONS } from '@gcp/contract';

type Mode = 'in' | 'out';
type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The catalog description of the property at `path` (segments inside the body) of `route`,
 * most specific key first (see FIELD_DESCRIPTIONS in @gcp/contract); undefined when none.
 */
export function fieldDescription(routePath: string, mode: Mode, path: readonly string[], catalog = FIELD_DESCRIPTIONS): string | undefined {
  for (let start = 0; start < path.length; start++) {
    const suffix = path.slice(start).join('.');
    for (const key of [`${routePath} ${mode}:${suffix}`, `${mode}:${suffix}`, suffix]) {
      const found = catalog[key];
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

const NESTED = ['anyOf', 'oneOf', 'allOf'] as const;

/** Fills in `description` on every property of a JSON Schema that its valibot schema left without one. */
export function describeProperties(schema: unknown, routePath: string, mode: Mode, path: readonly string[] = []): void {
  if (!isObject(schema)) return;
  const properties = schema.properties;
  if (isObject(properties)) {
    for (const [name, property] of Object.entries(properties)) {
      if (!isObject(property)) continue;
      const at = [...path, name];
      if (property.description === undefined) {
        const description = fieldDescription(routePath, mode, at);
        if (description !== undefined) property.description = description;
      }
      describeProperties(property, routePath, mode, at);
    }
  }
  if (schema.items !== undefined) describeProperties(schema.items, routePath, mode, path);
  if (isObject(schema.additionalProperties)) describeProperties(schema.additionalProperties, routePath, mode, path);
  for (const key of NESTED) {
    const options = schema[key];
    if (Array.isArray(options)) for (const option of options) describeProperties(option, routePath, mode, path);
  }
}
