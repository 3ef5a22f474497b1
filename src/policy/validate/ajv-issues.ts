/**
 * ajv errors -> Issues with stable codes (SCHEMA_UNKNOWN_FIELD, SCHEMA_MISSING_FIELD, SCHEMA_WRONG_TYPE,
 * SCHEMA_BAD_VALUE) and JSON Pointers, deduplicated. ajv's own wording is replaced so messages do not change
 * with an ajv upgrade. Shared by the policy schemas and the backup API schemas; a caller may word the
 * keywords its schemas use (const, oneOf, format...) through `wordKeyword`.
 */
import type { ErrorObject } from 'ajv';
import { escapePointerToken } from '../../engine/json-pointer.js';
import type { Issue } from '../../engine/result.js';

/** Returns the message for a keyword, or undefined to use the generic wording. */
export type KeywordWording = (err: ErrorObject, params: Record<string, unknown>) => string | undefined;

function article(type: string): string {
  const words: Record<string, string> = { object: 'an object (a map)', array: 'a list', integer: 'an integer' };
  return words[type] ?? `a ${type}`;
}

function toIssue(err: ErrorObject, wordKeyword?: KeywordWording): Issue | undefined {
  const path = err.instancePath;
  const params = err.params as Record<string, unknown>;
  const issue = (code: string, message: string, at = path): Issue => ({ code, message, path: at, severity: 'error' });
  switch (err.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      return issue('SCHEMA_UNKNOWN_FIELD', `unknown field "${field}"`, `${path}/${escapePointerToken(field)}`);
    }
    case 'required': {
      const field = String(params.missingProperty);
      return issue('SCHEMA_MISSING_FIELD', `missing required field "${field}"`, `${path}/${escapePointerToken(field)}`);
    }
    case 'type':
      return issue('SCHEMA_WRONG_TYPE', `must be ${article(String(params.type))}`);
    case 'enum':
      return issue('SCHEMA_BAD_VALUE', `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
    case 'if':
      return undefined; // the failing branch reports the real problem
    default:
      return issue('SCHEMA_BAD_VALUE', wordKeyword?.(err, params) ?? err.message ?? `fails ${err.keyword}`);
  }
}

export function ajvIssues(errors: readonly ErrorObject[] | null | undefined, wordKeyword?: KeywordWording): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const err of errors ?? []) {
    const issue = toIssue(err, wordKeyword);
    if (!issue) continue;
    const key = `${issue.code} ${issue.path} ${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}
