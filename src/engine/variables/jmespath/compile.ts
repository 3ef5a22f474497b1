/**
 * Compile once, evaluate many: expressions are parsed to an AST once and cached (bounded), evaluation
 * only walks the AST. Errors become VariableError values with a stable code.
 */
import { compile } from '@jmespath-community/jmespath';
import { FunctionError, KeyNotFoundError, VariableError } from '../errors.js';
import type { FunctionEnv } from '../functions/types.js';
import type { AstNode, Fn } from './closures.js';
import { compileChain } from './kyverno-chain.js';
import { checkUnknownKeys } from './not-found.js';
import { enterEnv, evaluate, leaveEnv, type ExpressionNode } from './runtime.js';

export interface CompiledJmesPath {
  ok: true;
  expression: string;
  /** Evaluates against `data`; throws VariableError (VARIABLE_NOT_FOUND for Kyverno's unknown keys). */
  search(data: unknown, env?: FunctionEnv): unknown;
  /** True when the expression runs as compiled closures, false when the library interpreter walks it. */
  compiled: boolean;
}

export interface JmesPathParseFailure {
  ok: false;
  message: string;
  offset?: number;
}

export type CompileResult = CompiledJmesPath | JmesPathParseFailure;

const CACHE_LIMIT = 5_000;
const cache = new Map<string, CompileResult>();

function isTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

function toVariableError(e: unknown): VariableError {
  if (e instanceof VariableError) return e;
  if (e instanceof KeyNotFoundError) return new VariableError('VARIABLE_NOT_FOUND', e.message);
  // FunctionError carries Kyverno's wording; library errors (arity, types, unknown function) their own.
  const message = e instanceof FunctionError || e instanceof Error ? e.message : String(e);
  return new VariableError('JMESPATH_EVAL', message);
}

/** Today's path, kept for expressions the closures do not cover: interpret, then walk the key chain. */
export function interpret(ast: ExpressionNode, data: unknown, env?: FunctionEnv): unknown {
  const result = evaluate(ast, data, env);
  checkUnknownKeys(ast, data, (node) => isTruthy(evaluate(node, data, env)));
  return result;
}

function run(fn: Fn, data: unknown, env: FunctionEnv | undefined): unknown {
  const previous = enterEnv(env);
  try {
    return fn(data, data);
  } finally {
    leaveEnv(previous);
  }
}

function build(expression: string, ast: ExpressionNode): CompiledJmesPath {
  const fn = compileChain(ast as unknown as AstNode);
  return {
    ok: true,
    expression,
    compiled: fn !== undefined,
    search(data: unknown, env?: FunctionEnv): unknown {
      try {
        return fn ? run(fn, data, env) : interpret(ast, data, env);
      } catch (e) {
        throw toVariableError(e);
      }
    },
  };
}

/** Parses a JMESPath expression (cached). Never throws. */
export function compileJmesPath(expression: string): CompileResult {
  const hit = cache.get(expression);
  if (hit) return hit;
  let result: CompileResult;
  try {
    result = build(expression, compile(expression));
  } catch (e) {
    result = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(expression, result);
  return result;
}

/** Parses (cached) and evaluates; throws VariableError JMESPATH_PARSE, VARIABLE_NOT_FOUND or JMESPATH_EVAL. */
export function searchJmesPath(expression: string, data: unknown, env?: FunctionEnv): unknown {
  const compiled = compileJmesPath(expression);
  if (!compiled.ok) {
    throw new VariableError('JMESPATH_PARSE', `incorrect query ${expression}: ${compiled.message}`, '', compiled.offset);
  }
  return compiled.search(data, env);
}
