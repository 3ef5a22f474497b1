/**
 * Compiles what a mutation spec evaluates: matchConditions, variables and mutations
 * (admissionregistration v1beta1 Mutation: patchType ApplyConfiguration with
 * applyConfiguration.expression, or JSONPatch with jsonPatch.expression).
 */
import { joinPointer } from '../json-pointer.js';
import { compileVariables, namedList, type FailurePolicy, type IssueSink } from './reuse.js';
import type { CompiledMutatingBody, CompiledMutation, PatchType } from './types.js';

type Json = Record<string, unknown>;

const FIELD_OF: Record<PatchType, 'applyConfiguration' | 'jsonPatch'> = {
  ApplyConfiguration: 'applyConfiguration',
  JSONPatch: 'jsonPatch',
};

export function compileMutatingBody(
  spec: Json,
  pointer: string,
  sink: IssueSink,
  dialect: 'kubernetes' | 'kyverno',
  failurePolicy: FailurePolicy,
): CompiledMutatingBody {
  const matchConditions = namedList(spec.matchConditions, joinPointer(pointer, 'matchConditions'), sink, 'name', 'expression');
  return {
    body: {
      matchConditions: matchConditions.map(({ key, expr }) => ({ name: key, expr })),
      variables: compileVariables(spec.variables, joinPointer(pointer, 'variables'), sink),
      validations: [],
      auditAnnotations: [],
      failurePolicy,
      dialect,
    },
    mutations: compileMutations(spec.mutations, joinPointer(pointer, 'mutations'), sink),
  };
}

function compileMutations(value: unknown, pointer: string, sink: IssueSink): CompiledMutation[] {
  const invalid = (message: string, path: string) => sink.issues.push({ code: 'CEL_POLICY_INVALID', message, path, severity: 'error' });
  if (!Array.isArray(value) || value.length === 0) {
    invalid('mutations must be a non-empty list', pointer);
    return [];
  }
  const out: CompiledMutation[] = [];
  for (const [i, raw] of value.entries()) {
    const item = (raw !== null && typeof raw === 'object' ? raw : {}) as Json;
    const patchType = item.patchType;
    if (patchType !== 'ApplyConfiguration' && patchType !== 'JSONPatch') {
      invalid(`patchType must be ApplyConfiguration or JSONPatch, got ${JSON.stringify(patchType)}`, joinPointer(pointer, i, 'patchType'));
      continue;
    }
    const field = FIELD_OF[patchType];
    const other = FIELD_OF[patchType === 'JSONPatch' ? 'ApplyConfiguration' : 'JSONPatch'];
    // admissionregistration validation.go: exactly the field named by patchType is set.
    if (item[other] !== undefined) invalid(`${other} must not be set when patchType is ${patchType}`, joinPointer(pointer, i, other));
    const holder = item[field] as { expression?: unknown } | undefined;
    const expr = sink.compile(holder?.expression, joinPointer(pointer, i, field, 'expression'));
    if (expr) out.push({ patchType, expr });
  }
  return out;
}
