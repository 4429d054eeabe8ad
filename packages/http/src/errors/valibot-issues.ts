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

/** Flattens valibot issues (including nested union issues) into envelope issues. */
export function toErrorIssues(issues: readonly BaseIssue<unknown>[], prefix = ''): ErrorIssue[] {
  return issues.map((issue) => ({ path: issuePath(issue, prefix), message: issueMessage(issue) }));
}
