import { environmentFor, isKnownFunction } from './environment.js';
import { classifyCompileError, position } from './errors.js';
import { instrumentAst } from './instrument.js';
import { createProgram } from './program.js';
import type { CelCompileFailure, CelCompileOptions, CelCompileResult } from './types.js';

/**
 * Parses and type-checks once (OPA's PrepareForEval habit); the program is then evaluated many
 * times. Errors carry the offset and line/col inside the expression.
 */
export function compileCel(expression: string, opts: CelCompileOptions = {}): CelCompileResult {
  let env: ReturnType<typeof environmentFor>;
  try {
    env = environmentFor(opts.variables);
  } catch (error) {
    // e.g. declaring `ip` or `strings`, which are library namespaces (docs/cel.md).
    return { ok: false, code: 'CEL_TYPE', message: `invalid variable declaration: ${(error as Error).message}` };
  }
  let parsed: ReturnType<typeof env.parse>;
  try {
    parsed = env.parse(expression);
  } catch (error) {
    return classifyCompileError(error, expression);
  }
  const checked = parsed.check();
  if (!checked.valid) return refineUnknownFunction(classifyCompileError(checked.error, expression), expression);
  const { nodes, issues } = instrumentAst(parsed.ast);
  const issue = issues[0];
  if (issue) return { ok: false, code: 'CEL_TYPE', message: issue.message, ...position(expression, issue.offset) };
  return { ok: true, program: createProgram(expression, parsed, nodes) };
}

const OVERLOAD = /no matching overload for '(?:[\w<>, ]+\.)?(\w+)\(/;

/** "no matching overload for 'foo(int)'": unknown when no overload of foo exists at all. */
function refineUnknownFunction(failure: CelCompileFailure, expression: string): CelCompileFailure {
  const name = OVERLOAD.exec(failure.message)?.[1];
  if (name === undefined) return failure;
  if (isKnownFunction(name)) return { ...failure, code: 'CEL_TYPE' };
  const at = nameOffset(expression, name, failure.offset ?? 0);
  return { ...failure, code: 'CEL_UNKNOWN_FUNCTION', message: `undeclared function '${name}'`, ...position(expression, at) };
}

/** Points at the function name rather than the start of the whole call expression. */
function nameOffset(expression: string, name: string, from: number): number {
  const match = new RegExp(`\\b${name}\\s*\\(`).exec(expression.slice(from));
  return match ? from + match.index : from;
}
