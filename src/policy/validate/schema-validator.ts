/**
 * Compiles the policy schemas once (ajv, allErrors) and turns ajv errors into issues with stable codes.
 * ajv's own messages are replaced by ours so the wording does not change with an ajv upgrade.
 */
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { Issue } from '../../engine/result.js';
import type { PolicyKind } from '../schemas/policy-kinds.js';
import { ajvIssues } from './ajv-issues.js';

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
  return ajvIssues(validate.errors);
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
