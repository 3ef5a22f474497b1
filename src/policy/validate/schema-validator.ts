/**
 * Compiles the policy schemas once (ajv, allErrors) and turns ajv errors into issues with stable codes.
 * ajv's own messages are replaced by ours so the wording does not change with an ajv upgrade.
 */
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Issue } from '../../engine/result.js';
import { escapePointerToken } from '../../engine/json-pointer.js';
import type { PolicyKind } from '../schemas/policy-kinds.js';

// strict mode (schema authoring checks) costs a few hundred ms per compile, paid at every CLI start; the
// schemas are ours, so schemas.test.ts compiles them strictly once instead. Code optimisation is off for
// the same reason: these validators run a few times per policy load, not in a hot loop.
export const AJV_OPTIONS = { allErrors: true, allowUnionTypes: true } as const;
const ajv = new Ajv({ ...AJV_OPTIONS, strict: false, code: { optimize: false } });
const compiled = new Map<PolicyKind['schema'], ValidateFunction>();

function validatorFor(kind: PolicyKind): ValidateFunction {
  let fn = compiled.get(kind.schema);
  if (!fn) {
    fn = ajv.compile(kind.schema);
    compiled.set(kind.schema, fn);
  }
  return fn;
}

/** Schema issues for a document of a known policy kind, deduplicated, without source positions yet. */
export function schemaIssues(kind: PolicyKind, value: unknown): Issue[] {
  const validate = validatorFor(kind);
  if (validate(withoutNulls(value))) return [];
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const err of validate.errors ?? []) {
    const issue = toIssue(err);
    const key = `${issue.code} ${issue.path} ${issue.message}`;
    if (issue.code === '' || seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function toIssue(err: ErrorObject): Issue {
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
      return issue('', ''); // the failing branch reports the real problem
    default:
      return issue('SCHEMA_BAD_VALUE', err.message ?? `fails ${err.keyword}`);
  }
}

function article(type: string): string {
  const words: Record<string, string> = { object: 'an object (a map)', array: 'a list', integer: 'an integer' };
  return words[type] ?? `a ${type}`;
}

/**
 * The API server prunes null-valued fields that are not nullable before validating a custom resource
 * (https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting-and-nullable),
 * so `deny: null` means "no deny". Array elements are kept: a null item is still an item.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
  return out;
}
