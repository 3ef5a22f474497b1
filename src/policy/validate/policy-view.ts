/** Loose, read-only accessors over an unvalidated policy: the schema may have failed, so never assume shapes. */
import type { JsonObject } from '../../engine/policy-types.js';

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Present as Kyverno means it: set and not an empty object/list (Go's DeepEqual with the zero value). */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export interface RuleRef {
  rule: JsonObject;
  name: string;
  pointer: string;
}

export function rulesOf(policy: unknown): RuleRef[] {
  const spec = asObject(asObject(policy)?.spec);
  return asArray(spec?.rules).flatMap((rule, i) => {
    const obj = asObject(rule);
    return obj ? [{ rule: obj, name: typeof obj.name === 'string' ? obj.name : '', pointer: `/spec/rules/${i}` }] : [];
  });
}
