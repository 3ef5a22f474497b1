/**
 * `{{ }}` variable substitution with Kyverno semantics (pkg/engine/variables/vars.go):
 * - strings in objects and arrays are substituted, object keys too;
 * - a string that is exactly one variable becomes the typed value (number, object, boolean, null);
 *   inside a longer string the value is interpolated (strings as is, anything else as Go JSON);
 * - variables are re-scanned after each pass, so nested `{{ a.{{ b }} }}` resolve inner first;
 * - `\{{ }}` is left literally, without the backslash;
 * - on a DELETE request `request.object` reads `request.oldObject`.
 * Values without `{{` are returned as they are (same reference, no allocation).
 */
import { VariableError } from '../errors.js';
import type { FunctionEnv } from '../functions/types.js';
import { compileJmesPath, type CompileResult } from '../jmespath/compile.js';
import { escapePointerToken } from '../../json-pointer.js';
import { atPathExpression } from './at-path.js';
import { goJsonMarshal } from './go-json.js';
import { ESCAPED_VARIABLE_RE, findVariableMatches, variableExpression } from './patterns.js';
import { compiledOf, containsSyntax, planString, type PlannedMatch } from './plan.js';

export interface SubstituteOptions {
  /** JSON Pointer of `value` in its document (prefix of error paths and of `{{@}}` paths). */
  path?: string;
  env?: FunctionEnv;
  /** What an unknown key does: 'error' (default, Kyverno) or 'null' (substitute null). */
  onMissing?: 'error' | 'null';
}

const MAX_PASSES = 64;

interface Ctx {
  data: Record<string, unknown>;
  env: FunctionEnv | undefined;
  onMissing: 'error' | 'null';
  isDelete: boolean;
}

function failure(code: VariableError['code'], variable: string, kyvernoPath: string, detail: string, pointer: string): VariableError {
  return new VariableError(code, `failed to resolve ${variable} at path ${kyvernoPath}: ${detail}`, pointer);
}

function resolve(ctx: Ctx, m: PlannedMatch, pointer: string, kyvernoPath: string): unknown {
  let variable = m.expression;
  let compiled: CompileResult | undefined;
  if (variable === '@') {
    if (Object.hasOwn(ctx.data, '@')) return ctx.data['@'];
    variable = atPathExpression(kyvernoPath, ctx.data.target !== undefined);
  } else if (!ctx.isDelete) {
    compiled = compiledOf(m);
  }
  if (ctx.isDelete) variable = variable.replaceAll('request.object', 'request.oldObject');
  compiled ??= compileJmesPath(variable);
  if (!compiled.ok) throw failure('JMESPATH_PARSE', variable, kyvernoPath, `incorrect query ${variable}: ${compiled.message}`, pointer);
  try {
    return compiled.search(ctx.data, ctx.env);
  } catch (e) {
    const err = e as VariableError;
    if (err.code === 'VARIABLE_NOT_FOUND' && ctx.onMissing === 'null') return null;
    throw failure(err.code ?? 'JMESPATH_EVAL', variable, kyvernoPath, `JMESPath query failed: ${err.message}`, pointer);
  }
}

/** Later passes scan the string they have (it holds resolved values); the first one is planned. */
function rescan(value: string): PlannedMatch[] {
  if (!value.includes('{{')) return [];
  return findVariableMatches(value).map((m) => ({ ...m, expression: variableExpression(m.text) }));
}

function substituteString(ctx: Ctx, s: string, pointer: string, kyvernoPath: string): unknown {
  let value = s;
  let matches = planString(s);
  for (let pass = 0; matches.length > 0; pass++) {
    if (pass >= MAX_PASSES) {
      throw new VariableError('JMESPATH_EVAL', `variable substitution does not terminate at path ${kyvernoPath}`, pointer);
    }
    for (const m of matches) {
      const resolved = resolve(ctx, m, pointer, kyvernoPath);
      if (value === m.text) return resolved;
      const text = typeof resolved === 'string' ? resolved : goJsonMarshal(resolved);
      // strings.Replace(pattern, prefix+variable, prefix+value, 1)
      value = value.replace(m.prefix + m.text, () => m.prefix + text);
    }
    matches = rescan(value);
  }
  return value.includes('\\{{') ? value.replace(ESCAPED_VARIABLE_RE, (e) => e.slice(1)) : value;
}

export { containsSyntax };

/** True when `value` has a `{{` anywhere (strings or keys). */
export function containsVariableSyntax(value: unknown): boolean {
  return containsSyntax(value, '{{');
}

/** Substitutes inside a value known to contain `{{` somewhere. */
function walk(ctx: Ctx, value: unknown, pointer: string, kyvernoPath: string): unknown {
  if (typeof value === 'string') return substituteString(ctx, value, pointer, kyvernoPath);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const r = containsVariableSyntax(v) ? walk(ctx, v, `${pointer}/${i}`, `${kyvernoPath}/${i}`) : v;
      if (r !== v && !out) out = value.slice(0, i);
      if (out) out.push(r);
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object') return walkObject(ctx, value as Record<string, unknown>, pointer, kyvernoPath);
  return value;
}

function walkObject(ctx: Ctx, obj: Record<string, unknown>, pointer: string, kyvernoPath: string): unknown {
  let out: Record<string, unknown> | undefined;
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const v = obj[key];
    const keyHasVar = key.includes('{{');
    if (!keyHasVar && !containsVariableSyntax(v)) {
      if (out) out[key] = v;
      continue;
    }
    const childPointer = `${pointer}/${escapePointerToken(key)}`;
    const r = walk(ctx, v, childPointer, `${kyvernoPath}/${key}`);
    let newKey = key;
    if (keyHasVar) {
      const k = substituteString(ctx, key, childPointer, kyvernoPath);
      newKey = typeof k === 'string' ? k : goJsonMarshal(k);
    }
    if ((r !== v || newKey !== key) && !out) {
      out = {};
      for (const prev of keys.slice(0, i)) out[prev] = obj[prev];
    }
    if (out) out[newKey] = r;
  }
  return out ?? obj;
}

/** Substitutes `{{ }}` variables in `value` against `data` (the JSON context; '@' may be given). */
export function substituteVariables(value: unknown, data: Record<string, unknown>, opts: SubstituteOptions = {}): unknown {
  if (!containsVariableSyntax(value)) return value;
  const request = data.request as { operation?: unknown } | undefined;
  const ctx: Ctx = {
    data,
    env: opts.env,
    onMissing: opts.onMissing ?? 'error',
    isDelete: request?.operation === 'DELETE',
  };
  const base = opts.path ?? '';
  return walk(ctx, value, base, base);
}

/**
 * substituteVariables(value, data, { env }) compiled, for values whose substitution is one step: the value
 * itself when it has no `{{` (the same reference), or the typed value of a string that is exactly one
 * variable (substituteString returns it at once, without a rescan). Null for anything else
 * (interpolation, nested variables, `{{@}}`, escapes, variables inside arrays or objects). The function
 * throws where the search fails (the interpreter's error, unwrapped). Not for DELETE requests, where
 * request.object reads request.oldObject.
 */
export function compileSubstitution(value: unknown): ((data: Record<string, unknown>, env: FunctionEnv) => unknown) | null {
  if (!containsVariableSyntax(value)) return () => value;
  if (typeof value !== 'string') return null;
  const matches = planString(value);
  const m = matches[0];
  if (matches.length !== 1 || m === undefined || m.text !== value || m.expression === '@') return null;
  const compiled = compiledOf(m);
  if (!compiled.ok) return null;
  return (data, env) => compiled.search(data, env);
}
