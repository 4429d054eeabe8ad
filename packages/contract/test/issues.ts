import * as v from 'valibot';

/** `path: message` of each issue a schema raises for `input` (dotted paths, as the error envelope names them). */
export function issuesOf(schema: v.GenericSchema, input: unknown): string[] {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return [];
  return result.issues.map((issue) => `${(issue.path ?? []).map((item) => String(item.key)).join('.')}: ${issue.message}`);
}
