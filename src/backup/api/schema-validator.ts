/**
 * Validates backup objects against ./schemas with ajv (compiled once per kind, allErrors) and maps ajv
 * errors to issues with stable codes and JSON Pointers; ajv's wording is replaced so it never leaks.
 */
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import type { Issue } from '../../engine/result.js';
import { ajvIssues } from '../../policy/validate/ajv-issues.js';
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
  return ajvIssues(validate.errors, wordBackupKeyword);
}

/** Wording for the keywords the backup schemas use beyond the common ones. */
function wordBackupKeyword(err: ErrorObject, params: Record<string, unknown>): string | undefined {
  switch (err.keyword) {
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'oneOf':
      return 'must set exactly one of the alternatives (e.g. filesystem or s3)';
    case 'not':
      return 'has a field that is not allowed here (e.g. exportParameters on a backup action)';
    case 'minimum':
    case 'maximum':
      return `must be ${err.keyword === 'minimum' ? '>=' : '<='} ${String(params.limit)}`;
    case 'format':
      return `must be a ${String(params.format)} (RFC 3339)`;
    case 'pattern':
      return `must match ${String(params.pattern)}`;
    default:
      return `fails ${err.keyword}`;
  }
}
