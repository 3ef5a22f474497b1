/**
 * Compiles one mutation-policy expression: message constructions are rewritten first
 * (message-syntax.ts), then compiled with compileCel; a failure becomes an Issue at the field's JSON
 * pointer whose message names line:col in the expression as written.
 */
import { compileCel } from '../cel/index.js';
import type { Issue } from '../result.js';
import { variableRefs } from './reuse.js';
import type { CompiledExpr, IssueSink } from './reuse.js';
import { rewriteMessageSyntax } from './message-syntax.js';

export function compileMutationExpr(
  expression: unknown,
  pointer: string,
  variables: readonly string[],
  opts: { checkTypeNames?: boolean } = {},
): { ok: true; expr: CompiledExpr } | { ok: false; issue: Issue } {
  if (typeof expression !== 'string' || expression.trim() === '') {
    return { ok: false, issue: { code: 'CEL_POLICY_INVALID', message: 'expression must be a non-empty string', path: pointer, severity: 'error' } };
  }
  const rewritten = rewriteMessageSyntax(expression, opts);
  if (!rewritten.ok) return { ok: false, issue: issueAt('CEL_TYPE', rewritten.message, expression, rewritten.offset, pointer) };
  const compiled = compileCel(rewritten.text, { variables });
  if (!compiled.ok) {
    const offset = compiled.offset === undefined ? undefined : rewritten.toOriginal(compiled.offset);
    return { ok: false, issue: issueAt(compiled.code, compiled.message, expression, offset, pointer) };
  }
  return { ok: true, expr: { program: compiled.program, pointer, refs: variableRefs(expression) } };
}

function issueAt(code: string, message: string, expression: string, offset: number | undefined, pointer: string): Issue {
  if (offset === undefined) return { code, message, path: pointer, severity: 'error' };
  const { line, col } = lineCol(expression, offset);
  const near = expression.slice(Math.max(0, offset - 10), offset + 10).replace(/\s+/g, ' ');
  return { code, message: `${message} at ${line}:${col} near ${JSON.stringify(near)}`, path: pointer, severity: 'error' };
}

/** 1-based line and column of a 0-based offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** An IssueSink (the cel-policies shape) that compiles with message syntax. */
export function createMutationSink(variables: readonly string[], opts: { checkTypeNames?: boolean } = {}): IssueSink {
  const issues: Issue[] = [];
  return {
    issues,
    compile(expression, pointer) {
      const r = compileMutationExpr(expression, pointer, variables, opts);
      if (r.ok) return r.expr;
      issues.push(r.issue);
      return undefined;
    },
  };
}
