import type { BaseIssue } from 'valibot';
import type { ErrorIssue } from './api-error.js';

/** Dotted path of a valibot issue: `config.layers.0.type`; '' for the root. */
export function issuePath(issue: BaseIssue<unknown>, prefix = ''): string {
  const keys = (issue.path ?? []).map((item) => String(item.key));
  return [prefix, ...keys].filter((part) => part !== '').join('.');
}

/**
 * Valibot's default messages end in `but received <value>` / `Received <value>`;
 * cut that off so an error never echoes the caller's input back.
 */
export function stripReceived(message: string): string {
  const withoutBut = message.replace(/\s*but received[\s\S]*$/i, '');
  const withoutReceived = withoutBut.replace(/:?\s*Received[\s\S]*$/, '');
  return withoutReceived.trim();
}

export function issueMessage(issue: BaseIssue<unknown>): string {
  const stripped = stripReceived(issue.message);
  if (stripped !== '' && !/^Invalid \w+$/.test(stripped)) return stripped;
  const what = issue.kind === 'schema' ? 'type' : issue.type;
  return issue.expected ? `Invalid ${what}: expected ${issue.expected}` : `Invalid ${what}`;
}

/** A field name as it is quoted back in a message: at most this many characters. */
export const MAX_QUOTED_FIELD_CHARS = 64;

/** `unknown field \`x\`` names the caller's key (truncated, control characters replaced), never its value. */
export function quotedField(key: string): string {
  const printable = key.replace(/[\p{Cc}`]/gu, '?');
  const chars = [...printable];
  return chars.length > MAX_QUOTED_FIELD_CHARS ? `${chars.slice(0, MAX_QUOTED_FIELD_CHARS).join('')}…` : printable;
}

export const unknownFieldMessage = (key: string): string => `unknown field \`${quotedField(key)}\``;
export const missingFieldMessage = (key: string): string => `missing field \`${quotedField(key)}\``;

const STRICT_TYPES = new Set(['strict_object', 'object', 'loose_object', 'object_with_rest']);

function lastKey(issue: BaseIssue<unknown>): string {
  const last = issue.path?.[issue.path.length - 1];
  return last === undefined ? '' : String(last.key);
}

/** A strict object's "Invalid key: Expected never": a key the schema does not have. */
function isUnknownKey(issue: BaseIssue<unknown>): boolean {
  return issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never';
}

/** An object's "Invalid key: Expected \"x\" but received undefined": a required key left out. */
function isMissingKey(issue: BaseIssue<unknown>): boolean {
  return (
    issue.kind === 'schema' &&
    STRICT_TYPES.has(issue.type) &&
    issue.input === undefined &&
    issue.expected !== 'never' &&
    issue.expected !== null &&
    /^".*"$/.test(issue.expected)
  );
}

/**
 * The unknown keys inside a union's failed options (`model: {config, typo}` fails both
 * "string" and "{config}"): each with its full path, so the answer names the typo rather than
 * only "model must be a catalog id or {...}".
 */
function unknownKeysInUnion(issue: BaseIssue<unknown>, basePath: string): ErrorIssue[] {
  const found: ErrorIssue[] = [];
  for (const sub of issue.issues ?? []) {
    const subPath = issuePath(sub, basePath);
    if (isUnknownKey(sub)) found.push({ path: subPath, message: unknownFieldMessage(lastKey(sub)) });
    else if (sub.issues !== undefined) found.push(...unknownKeysInUnion(sub, subPath));
  }
  return found;
}

function toErrorIssue(issue: BaseIssue<unknown>, prefix: string): ErrorIssue[] {
  const path = issuePath(issue, prefix);
  if (isUnknownKey(issue)) return [{ path, message: unknownFieldMessage(lastKey(issue)) }];
  if (isMissingKey(issue)) return [{ path, message: missingFieldMessage(lastKey(issue)) }];
  const own = { path, message: issueMessage(issue) };
  if (issue.issues === undefined) return [own];
  const unknown = unknownKeysInUnion(issue, path);
  return unknown.length > 0 ? unknown : [own];
}

/**
 * Valibot issues as envelope issues: unknown keys of strict objects as "unknown field `x`"
 * (also inside a union's options), missing required keys as "missing field `x`", every other
 * message with the received value cut off.
 */
export function toErrorIssues(issues: readonly BaseIssue<unknown>[], prefix = ''): ErrorIssue[] {
  return issues.flatMap((issue) => toErrorIssue(issue, prefix));
}
