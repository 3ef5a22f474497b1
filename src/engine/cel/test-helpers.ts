import { compileCel } from './compile.js';

/** Compiles and evaluates, throwing on any failure (test helper; not exported from index.ts). */
export function celRun(expression: string, activation: Record<string, unknown> = {}): unknown {
  const compiled = compileCel(expression);
  if (!compiled.ok) throw new Error(`${compiled.code}: ${compiled.message}`);
  const result = compiled.program.evaluate(activation);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

/** The failure code of a compile or an evaluation, or 'ok'. */
export function celFailure(expression: string, activation: Record<string, unknown> = {}): string {
  const compiled = compileCel(expression);
  if (!compiled.ok) return compiled.code;
  const result = compiled.program.evaluate(activation);
  return result.ok ? 'ok' : result.code;
}
