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
import { compileJmesPath } from '../jmespath/compile.js';
import { escapePointerToken } from '../../json-pointer.js';
import { atPathExpression } from './at-path.js';
import { goJsonMarshal } from './go-json.js';
import { ESCAPED_VARIABLE_RE, findVariableMatches, variableExpression } from './patterns.js';

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

function resolve(ctx: Ctx, expression: string, pointer: string, kyvernoPath: string): unknown {
  let variable = expression;
  if (variable === '@') {
    if (Object.hasOwn(ctx.data, '@')) return ctx.data['@'];
    variable = atPathExpression(kyvernoPath, ctx.data.target !== undefined);
  }
  if (ctx.isDelete) variable = variable.replaceAll('request.object', 'request.oldObject');
  const fail = (code: VariableError['code'], detail: string) =>
    new VariableError(code, `failed to resolve ${variable} at path ${kyvernoPath}: ${detail}`, pointer);
  const compiled = compileJmesPath(variable);
  if (!compiled.ok) throw fail('JMESPATH_PARSE', `incorrect query ${variable}: ${compiled.message}`);
  try {
    return compiled.search(ctx.data, ctx.env);
  } catch (e) {
    const err = e as VariableError;
    if (err.code === 'VARIABLE_NOT_FOUND' && ctx.onMissing === 'null') return null;
    throw fail(err.code ?? 'JMESPATH_EVAL', `JMESPath query failed: ${err.message}`);
  }
}

function substituteString(ctx: Ctx, s: string, pointer: string, kyvernoPath: string): unknown {
  let value = s;
  let matches = findVariableMatches(value);
  for (let pass = 0; matches.length > 0; pass++) {
    if (pass >= MAX_PASSES) {
      throw new VariableError('JMESPATH_EVAL', `variable substitution does not terminate at path ${kyvernoPath}`, pointer);
    }
    for (const m of matches) {
      const resolved = resolve(ctx, variableExpression(m.text), pointer, kyvernoPath);
      if (value === m.text) return resolved;
      const text = typeof resolved === 'string' ? resolved : goJsonMarshal(resolved);
      // strings.Replace(pattern, prefix+variable, prefix+value, 1)
      value = value.replace(m.prefix + m.text, () => m.prefix + text);
    }
    matches = findVariableMatches(value);
  }
  return value.includes('\\{{') ? value.replace(ESCAPED_VARIABLE_RE, (e) => e.slice(1)) : value;
}

/** True when `token` occurs in any string or key of `value`; allocates nothing (the hot path). */
export function containsSyntax(value: unknown, token: string): boolean {
  if (typeof value === 'string') return value.includes(token);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (containsSyntax(value[i], token)) return true;
    return false;
  }
  const obj = value as Record<string, unknown>;
  for (const key in obj) {
    if (!Object.hasOwn(obj, key)) continue;
    if (key.includes(token) || containsSyntax(obj[key], token)) return true;
  }
  return false;
}

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
