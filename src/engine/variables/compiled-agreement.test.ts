/**
 * The compiled JMESPath closures against the library interpreter (plus the unknown-key walk), on every
 * expression of the conformance corpus, policies/ and examples/pod-security, evaluated on the resources
 * of the same kyverno-test.yaml (foreach elements included) and on mutated copies of them (fields
 * removed, values changed or nulled, lists emptied): the same value, or the same error code and message.
 * Skipped when the corpus folder is missing. Prints how many expressions run compiled.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { compile } from '@jmespath-community/jmespath';
import { describe, expect, it } from 'vitest';
import { readYamlObjects } from '../../../test/support/yaml-objects.js';
import { findVariables } from './substitute/find.js';
import { compileJmesPath, interpret } from './jmespath/compile.js';
import { substituteVariables } from './substitute/substitute.js';
import { findVariableMatches, variableExpression, ESCAPED_VARIABLE_RE } from './substitute/patterns.js';
import { goJsonMarshal } from './substitute/go-json.js';
import type { FunctionEnv } from './functions/types.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = process.env.GUARDRAIL_CONFORMANCE ?? resolve(REPO, '../shared/conformance');
const env: FunctionEnv = { now: () => new Date('2026-01-01T00:00:00Z'), random: () => 0.25 };

type Json = Record<string, unknown>;
const readDocs = (file: string): Json[] => readYamlObjects(file);

function findFiles(dir: string, name: (f: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) findFiles(p, name, out);
    else if (name(entry)) out.push(p);
  }
  return out;
}

/** Expressions of a policy: `{{ }}` variables, foreach lists, context jmesPath fields. */
function expressionsOf(policy: unknown): string[] {
  const out = new Set(findVariables(policy).map((v) => v.expr));
  const visit = (v: unknown, key: string) => {
    if (typeof v === 'string' && (key === 'list' || key === 'jmesPath') && !v.includes('{{')) out.add(v);
    else if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(policy, '');
  return [...out].filter((e) => !/\brandom\(/.test(e));
}

/** Deterministic variants: a field removed, a scalar retyped, a value nulled, a list emptied. */
function mutations(resource: Json, count: number, seed: number): Json[] {
  let s = seed;
  const rnd = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), s % n);
  const out: Json[] = [];
  for (let k = 0; k < count; k++) {
    const copy = structuredClone(resource);
    const paths: Array<[Json | unknown[], string | number]> = [];
    const collect = (v: unknown) => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => {
          paths.push([v, i]);
          collect(x);
        });
      }
      else if (v && typeof v === 'object') {
        for (const [key, x] of Object.entries(v)) {
          paths.push([v as Json, key]);
          collect(x);
        }
      }
    };
    collect(copy);
    const [holder, key] = paths[rnd(Math.max(paths.length, 1))] ?? [copy, 'x'];
    const h = holder as Record<string | number, unknown>;
    const kind = k % 4;
    if (kind === 0 && !Array.isArray(holder)) delete h[key];
    else if (kind === 1) h[key] = typeof h[key] === 'string' ? 7 : typeof h[key] === 'number' ? String(h[key]) : 'x';
    else if (kind === 2) h[key] = null;
    else h[key] = Array.isArray(h[key]) ? [] : typeof h[key] === 'object' ? {} : '';
    out.push(copy);
  }
  return out;
}

function requestData(object: Json): Json {
  const meta = (object.metadata ?? {}) as Json;
  return {
    request: {
      operation: 'CREATE', object, oldObject: null, namespace: meta.namespace ?? 'default', name: meta.name ?? '',
      kind: { kind: object.kind }, userInfo: { username: 'tester', groups: ['system:authenticated'] },
    },
    serviceAccountName: 'sa', serviceAccountNamespace: 'default',
  };
}

type Outcome = { value: unknown } | { code: string; message: string };
function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (e) {
    const err = e as { code?: string; message: string };
    return { code: err.code ?? 'THROWN', message: err.message };
  }
}

interface Group { expressions: string[]; strings: string[]; data: Json[] }

/** Every string of a policy holding `{{` (values and keys). */
function stringsOf(policy: unknown, out = new Set<string>()): Set<string> {
  if (typeof policy === 'string' && policy.includes('{{')) out.add(policy);
  else if (Array.isArray(policy)) policy.forEach((x) => stringsOf(x, out));
  else if (policy && typeof policy === 'object') {
    for (const [k, x] of Object.entries(policy)) {
      stringsOf(k, out);
      stringsOf(x, out);
    }
  }
  return out;
}

/** The substitution as it was before plans and closures: scan every pass, interpret every variable. */
function referenceSubstitute(s: string, data: Json): unknown {
  let value = s;
  let matches = findVariableMatches(value);
  for (let pass = 0; matches.length > 0 && pass < 64; pass++) {
    for (const m of matches) {
      const expression = variableExpression(m.text);
      let resolved: unknown;
      try {
        resolved = interpret(compile(expression), data, env);
      } catch (e) {
        throw new Error(`failed to resolve ${expression} at path : JMESPath query failed: ${(e as Error).message}`, { cause: e });
      }
      if (value === m.text) return resolved;
      const text = typeof resolved === 'string' ? resolved : goJsonMarshal(resolved);
      value = value.replace(m.prefix + m.text, () => m.prefix + text);
    }
    matches = findVariableMatches(value);
  }
  return value.includes('\\{{') ? value.replace(ESCAPED_VARIABLE_RE, (e) => e.slice(1)) : value;
}

function groups(): Group[] {
  const out: Group[] = [];
  const tests = existsSync(CORPUS) ? findFiles(CORPUS, (f) => f === 'kyverno-test.yaml') : [];
  tests.push(...['policies', 'examples/pod-security'].map((d) => join(REPO, d)).flatMap((d) => findFiles(d, (f) => f === 'kyverno-test.yaml')));
  for (const file of tests) {
    const dir = dirname(file);
    const test = readDocs(file)[0] ?? {};
    const list = (k: string) => ((test[k] ?? []) as string[]).filter((p) => typeof p === 'string').flatMap((p) => readDocs(resolve(dir, p)));
    const policies = list('policies');
    const expressions = [...new Set(policies.flatMap(expressionsOf))];
    const strings = [...new Set(policies.flatMap((p) => [...stringsOf(p)]))].filter((x) => !/\brandom\(|@/.test(x));
    const resources = list('resources').filter((r) => typeof r.kind === 'string');
    if (expressions.length === 0 || resources.length === 0) continue;
    const data = resources.flatMap((r, i) => [r, ...mutations(r, 6, i + 1)]).map(requestData);
    out.push({ expressions, strings, data });
  }
  return out;
}

/** foreach-style data: `element` bound to each item of every list the expressions of the group give. */
function withElements(group: Group): Json[] {
  const lists = group.expressions.filter((e) => /\[\]|\[\*\]/.test(e));
  const out: Json[] = [];
  for (const d of group.data.slice(0, 14)) {
    for (const l of lists) {
      const r = outcome(() => interpret(compile(l), d, env));
      if ('value' in r && Array.isArray(r.value)) r.value.slice(0, 3).forEach((element, elementIndex) => out.push({ ...d, element, elementIndex }));
    }
  }
  return out;
}

const all = groups();

describe.skipIf(all.length === 0)('compiled JMESPath agrees with the interpreter on the corpus', () => {
  it(`${all.length} test folders: same values and errors, on resources and mutated variants`, () => {
    const seen = new Set<string>();
    let compiled = 0;
    let evaluations = 0;
    const mismatches: string[] = [];
    for (const group of all) {
      const datas = [...group.data, ...withElements(group)];
      for (const expression of group.expressions) {
        const c = compileJmesPath(expression);
        if (!c.ok) continue;
        if (!seen.has(expression)) {
          seen.add(expression);
          if (c.compiled) compiled++;
        }
        const ast = compile(expression);
        for (const data of datas) {
          evaluations++;
          const fast = outcome(() => c.search(data, env));
          const slow = outcome(() => {
            try {
              return interpret(ast, data, env);
            } catch (e) {
              throw Object.assign(new Error((e as Error).message), { code: (e as { code?: string }).code ?? ((e as Error).name === 'KeyNotFoundError' ? 'VARIABLE_NOT_FOUND' : 'JMESPATH_EVAL') });
            }
          });
          if (!isDeepStrictEqual(fast, slow) && mismatches.length < 10) mismatches.push(`${expression}\n  fast ${JSON.stringify(fast)}\n  slow ${JSON.stringify(slow)}`);
        }
      }
    }
    console.log(`compiled JMESPath coverage: ${compiled}/${seen.size} expressions, ${evaluations} evaluations compared`);
    expect(mismatches).toEqual([]);
    expect(evaluations).toBeGreaterThan(1000);
    // Every corpus expression runs compiled today: a node kind falling back to the interpreter shows here.
    expect(compiled).toBe(seen.size);
  });
});

describe.skipIf(all.length === 0)('planned substitution agrees with scanning every time', () => {
  it('every corpus string with {{ }}: same value, or an error with the same message', () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const group of all) {
      for (const s of group.strings) {
        for (const data of group.data.slice(0, 8)) {
          compared++;
          // Twice: the second run uses the cached plan.
          const fast = [outcome(() => substituteVariables(s, data, { env })), outcome(() => substituteVariables(s, data, { env }))];
          const slow = outcome(() => referenceSubstitute(s, data));
          const same = (o: Outcome) => ('value' in o && 'value' in slow ? isDeepStrictEqual(o.value, slow.value) : 'message' in o && 'message' in slow && o.message === slow.message);
          if (!fast.every(same) && mismatches.length < 10) mismatches.push(`${s}\n  fast ${JSON.stringify(fast)}\n  slow ${JSON.stringify(slow)}`);
        }
      }
    }
    console.log(`substitution: ${compared} string/data pairs compared`);
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  });
});
