/**
 * Validates backup objects against ./schemas with ajv (compiled once per kind, allErrors) and maps ajv
 * errors to issues with stable codes and JSON Pointers; ajv's wording is replaced so it never leaks.
 */
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import type { Issue } from '../../engine/result.js';
import { escapePointerToken } from '../../engine/json-pointer.js';
import type { BackupKind } from './group.js';
import { BACKUP_SCHEMAS } from './schemas/registry.js';

const ajv = new Ajv({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its callable sits on `default` under NodeNext interop.
const addFormats = (addFormatsModule as unknown as { default: (a: Ajv) => void }).default;
addFormats(ajv);
const compiled = new Map<BackupKind, ValidateFunction>();

function validatorFor(kind: BackupKind): ValidateFunction {
  let fn = compiled.get(kind);
  if (!fn) {
    fn = ajv.compile(BACKUP_SCHEMAS[kind]);
    compiled.set(kind, fn);
  }
  return fn;
}

export function schemaIssues(kind: BackupKind, value: unknown): Issue[] {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const err of validate.errors ?? []) {
    const issue = toIssue(err);
    const key = `${issue.code} ${issue.path} ${issue.message}`;
    if (issue.code === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
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
      return issue('SCHEMA_WRONG_TYPE', `must be of type ${String(params.type)}`);
    case 'enum':
      return issue('SCHEMA_BAD_VALUE', `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
    case 'const':
      return issue('SCHEMA_BAD_VALUE', `must be ${JSON.stringify(params.allowedValue)}`);
    case 'oneOf':
      return issue('SCHEMA_BAD_VALUE', 'must set exactly one of the alternatives (e.g. filesystem or s3)');
    case 'if':
      return issue('', ''); // the failing branch reports the real problem
    case 'not':
      return issue('SCHEMA_BAD_VALUE', 'has a field that is not allowed here (e.g. exportParameters on a backup action)');
    case 'minimum':
    case 'maximum':
      return issue('SCHEMA_BAD_VALUE', `must be ${err.keyword === 'minimum' ? '>=' : '<='} ${String(params.limit)}`);
    case 'format':
      return issue('SCHEMA_BAD_VALUE', `must be a ${String(params.format)} (RFC 3339)`);
    case 'pattern':
      return issue('SCHEMA_BAD_VALUE', `must match ${String(params.pattern)}`);
    default:
      return issue('SCHEMA_BAD_VALUE', `fails ${err.keyword}`);
  }
}
