/**
 * Compiles one policy expression and turns a failure into an Issue whose path is the JSON pointer of
 * the field and whose message names the position inside the expression (line:col, 1-based).
 */
import { compileCel } from '../cel/index.js';
import type { Issue } from '../result.js';
import type { CompiledExpr } from './types.js';

/** Top-level identifiers each kind declares (k8s.io/apiserver/pkg/admission/plugin/cel/compile.go). */
export const KUBERNETES_VARIABLES = ['object', 'oldObject', 'request', 'params', 'namespaceObject', 'authorizer', 'variables'] as const;
/**
 * Kyverno's ValidatingPolicy environment adds its libraries as identifiers
 * (pkg/cel/policies/vpol/compiler/compiler.go, pkg/cel/compiler/keys.go): resource, http,
 * globalContext, image, and `exceptions` for CEL PolicyExceptions with allowed values.
 */
export const KYVERNO_VARIABLES = [...KUBERNETES_VARIABLES, 'resource', 'http', 'globalContext', 'image', 'exceptions'] as const;
/** evaluation.mode JSON: only the payload, variables and the resource/http libraries. */
export const JSON_VARIABLES = ['object', 'variables', 'resource', 'http'] as const;

export type ExprResult = { ok: true; expr: CompiledExpr } | { ok: false; issue: Issue };

export function compileExpr(expression: unknown, pointer: string, variables: readonly string[]): ExprResult {
  if (typeof expression !== 'string' || expression.trim() === '') {
    return { ok: false, issue: { code: 'CEL_POLICY_INVALID', message: 'expression must be a non-empty string', path: pointer, severity: 'error' } };
  }
  const compiled = compileCel(expression, { variables });
  if (!compiled.ok) {
    const where = compiled.line !== undefined ? ` at ${compiled.line}:${compiled.col ?? 1}` : '';
    const snippet = compiled.offset !== undefined ? ` near ${JSON.stringify(excerpt(expression, compiled.offset))}` : '';
    return {
      ok: false,
      issue: { code: compiled.code, message: `${compiled.message}${where}${snippet}`, path: pointer, severity: 'error' },
    };
  }
  return { ok: true, expr: { program: compiled.program, pointer, refs: variableRefs(expression) } };
}

function excerpt(expression: string, offset: number): string {
  return expression.slice(Math.max(0, offset - 10), offset + 10).replace(/\s+/g, ' ');
}

const DOT_REF = /\bvariables\s*\.\s*\??\s*([A-Za-z_][A-Za-z0-9_]*)/g;
const INDEX_REF = /\bvariables\s*\[\s*\??\s*(['"])([^'"]+)\1\s*\]/g;

/** Names read through `variables.x`, `variables.?x` or `variables['x']`. */
export function variableRefs(expression: string): string[] {
  const names = new Set<string>();
  for (const m of expression.matchAll(DOT_REF)) if (m[1]) names.add(m[1]);
  for (const m of expression.matchAll(INDEX_REF)) if (m[2]) names.add(m[2]);
  return [...names];
}

/** Collects issues while compiling a list of expressions. */
export interface IssueSink {
  issues: Issue[];
  compile(expression: unknown, pointer: string): CompiledExpr | undefined;
}

export function createIssueSink(variables: readonly string[]): IssueSink {
  const issues: Issue[] = [];
  return {
    issues,
    compile(expression, pointer) {
      const r = compileExpr(expression, pointer, variables);
      if (r.ok) return r.expr;
      issues.push(r.issue);
      return undefined;
    },
  };
}
