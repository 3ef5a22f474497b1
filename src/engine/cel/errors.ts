import type { CelCompileFailure, CelIssueCode } from './types.js';

/** Thrown by our cost meter; caught at the program boundary and reported as CEL_COST_EXCEEDED. */
export class CelCostExceeded extends Error {
  constructor(readonly cost: number, readonly budget: number) {
    super(`CEL cost budget exceeded: ${cost} > ${budget} (see Kubernetes PerCallLimit)`);
  }
}

interface LibraryError {
  name?: string;
  code?: string;
  summary?: string;
  message?: string;
  range?: { start: number; end: number };
}

/** Library error codes that mean "this function does not exist for these arguments". */
const UNKNOWN_FUNCTION_CODES = new Set(['no_matching_overload', 'function_not_found', 'unknown_function']);

export function classifyCompileError(error: unknown, expression: string): CelCompileFailure {
  const e = (error ?? {}) as LibraryError;
  const message = e.summary ?? e.message ?? String(error);
  const offset = e.range?.start;
  return { ok: false, code: compileCode(e, message), message, ...position(expression, offset) };
}

function compileCode(e: LibraryError, message: string): CelIssueCode {
  if (e.name === 'ParseError') return 'CEL_SYNTAX';
  if (e.code !== undefined && UNKNOWN_FUNCTION_CODES.has(e.code) && isUnknownName(message)) {
    return 'CEL_UNKNOWN_FUNCTION';
  }
  return 'CEL_TYPE';
}

/** "found no matching overload for 'foo(int)'" is an unknown function only if foo exists nowhere. */
function isUnknownName(message: string): boolean {
  return !message.includes('[known]');
}

/** 0-based offset to 1-based line/col within the expression. */
export function position(expression: string, offset: number | undefined): { offset?: number; line?: number; col?: number } {
  if (offset === undefined) return {};
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < expression.length; i++) {
    if (expression[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, col: offset - lineStart + 1 };
}

export function evalErrorMessage(error: unknown): string {
  const e = (error ?? {}) as LibraryError;
  return e.summary ?? e.message ?? String(error);
}
