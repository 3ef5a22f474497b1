/**
 * Compiles the shared CEL body (matchConditions, variables, validations, auditAnnotations) of a
 * ValidatingPolicy or ValidatingAdmissionPolicy spec; every expression once, every failure an Issue.
 */
import { joinPointer } from '../json-pointer.js';
import type { IssueSink } from './compile-expr.js';
import type { CelDialect, CompiledCelBody, CompiledValidation, FailurePolicy } from './types.js';

type Json = Record<string, unknown>;

/** CEL identifiers, the form Kubernetes requires for variable names (validation.go). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Kubernetes StatusReasons allowed in validations[].reason (admissionregistration validation.go). */
const REASONS = new Set(['Unauthorized', 'Forbidden', 'Invalid', 'RequestEntityTooLarge']);

export function compileBody(spec: Json, pointer: string, sink: IssueSink, dialect: CelDialect, failurePolicy: FailurePolicy): CompiledCelBody {
  return {
    matchConditions: namedList(spec.matchConditions, joinPointer(pointer, 'matchConditions'), sink, 'name', 'expression').map(
      ({ key, expr }) => ({ name: key, expr }),
    ),
    variables: compileVariables(spec.variables, joinPointer(pointer, 'variables'), sink),
    validations: compileValidations(spec.validations, joinPointer(pointer, 'validations'), sink),
    auditAnnotations: namedList(spec.auditAnnotations, joinPointer(pointer, 'auditAnnotations'), sink, 'key', 'valueExpression'),
    failurePolicy,
    dialect,
  };
}

function asList(value: unknown, pointer: string, sink: IssueSink): Json[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    sink.issues.push({ code: 'CEL_POLICY_INVALID', message: 'must be a list', path: pointer, severity: 'error' });
    return [];
  }
  return value.map((item) => (item !== null && typeof item === 'object' ? (item as Json) : {}));
}

export function namedList(value: unknown, pointer: string, sink: IssueSink, keyField: string, exprField: string) {
  const out: Array<{ key: string; expr: NonNullable<ReturnType<IssueSink['compile']>> }> = [];
  const seen = new Set<string>();
  for (const [i, item] of asList(value, pointer, sink).entries()) {
    const key = item[keyField];
    if (typeof key !== 'string' || key === '' || seen.has(key)) {
      const why = typeof key === 'string' && key !== '' ? `duplicate ${keyField} '${key}'` : `${keyField} is required`;
      sink.issues.push({ code: 'CEL_POLICY_INVALID', message: why, path: joinPointer(pointer, i, keyField), severity: 'error' });
      continue;
    }
    seen.add(key);
    const expr = sink.compile(item[exprField], joinPointer(pointer, i, exprField));
    if (expr) out.push({ key, expr });
  }
  return out;
}

export function compileVariables(value: unknown, pointer: string, sink: IssueSink): CompiledCelBody['variables'] {
  const list = namedList(value, pointer, sink, 'name', 'expression');
  for (const [i, { key }] of list.entries()) {
    if (!IDENTIFIER.test(key)) {
      sink.issues.push({ code: 'CEL_POLICY_INVALID', message: `variable name '${key}' is not a CEL identifier`, path: joinPointer(pointer, i, 'name'), severity: 'error' });
    }
  }
  return list.map(({ key, expr }) => ({ name: key, expr }));
}

export function compileValidations(value: unknown, pointer: string, sink: IssueSink): CompiledValidation[] {
  const out: CompiledValidation[] = [];
  for (const [i, item] of asList(value, pointer, sink).entries()) {
    const expr = sink.compile(item.expression, joinPointer(pointer, i, 'expression'));
    const messageExpression =
      item.messageExpression === undefined ? undefined : sink.compile(item.messageExpression, joinPointer(pointer, i, 'messageExpression'));
    const reason = typeof item.reason === 'string' ? item.reason : undefined;
    if (reason !== undefined && !REASONS.has(reason)) {
      sink.issues.push({ code: 'CEL_POLICY_INVALID', message: `unsupported reason '${reason}'`, path: joinPointer(pointer, i, 'reason'), severity: 'error' });
    }
    if (!expr) continue;
    const message = typeof item.message === 'string' ? item.message : undefined;
    out.push({ expr, ...(message !== undefined && { message }), ...(messageExpression && { messageExpression }), ...(reason !== undefined && { reason }) });
  }
  return out;
}
