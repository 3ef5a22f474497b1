/**
 * Planned condition blocks against the evaluation they replaced (a copy of it below, which resolved
 * every condition through fresh closures and looked operators up on each call): every conditions block
 * of the conformance corpus, policies/ and examples/pod-security, substituted against the resources of
 * the same kyverno-test.yaml and mutated copies (fields removed, values nulled or retyped, lists
 * emptied). Same result and message, or the same error. Skipped without the corpus folder.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readYamlObjects } from '../../../test/support/yaml-objects.js';
import type { Condition, Conditions } from '../policy-types.js';
import { substituteVariables } from '../variables/index.js';
import { evaluateCondition, evaluateConditions, type ConditionsResult, type Substitute } from './evaluate.js';
import { isOperatorName } from './registry.js';
import { ConditionError } from './types.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = process.env.GUARDRAIL_CONFORMANCE ?? resolve(REPO, '../shared/conformance');
const env = { now: () => new Date('2026-01-01T00:00:00Z'), random: () => 0.25 };
type Json = Record<string, unknown>;

const readDocs = (file: string): Json[] => readYamlObjects(file);
function findTests(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (entry === 'kyverno-test.yaml') out.push(p);
  }
  return out;
}

/** Every value under a `preconditions` or `conditions` key. */
function blocksOf(v: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) v.forEach((x) => blocksOf(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'preconditions' || k === 'conditions') out.push(x);
      blocksOf(x, out);
    }
  }
  return out;
}

function variants(resource: Json, seed: number): Json[] {
  let s = seed;
  const out: Json[] = [resource];
  for (let k = 0; k < 8; k++) {
    const copy = structuredClone(resource);
    const slots: Array<[Record<string | number, unknown>, string | number]> = [];
    const collect = (v: unknown) => {
      if (Array.isArray(v)) v.forEach((x, i) => void (slots.push([v as unknown as Record<number, unknown>, i]), collect(x)));
      else if (v && typeof v === 'object') for (const [key, x] of Object.entries(v)) void (slots.push([v as Json, key]), collect(x));
    };
    collect(copy);
    s = (s * 1103515245 + 12345) % 2147483648;
    const slot = slots[s % Math.max(slots.length, 1)];
    if (!slot) continue;
    const [holder, key] = slot;
    const was = holder[key];
    if (k % 4 === 0 && !Array.isArray(holder)) delete holder[key];
    else if (k % 4 === 1) holder[key] = null;
    else if (k % 4 === 2) holder[key] = typeof was === 'string' ? 7 : typeof was === 'number' ? String(was) : 'x';
    else holder[key] = Array.isArray(was) ? [] : was && typeof was === 'object' ? {} : '*';
    out.push(copy);
  }
  return out;
}

function requestData(object: Json, operation: string): Json {
  const meta = (object.metadata ?? {}) as Json;
  return {
    request: { operation, object, oldObject: null, namespace: meta.namespace ?? 'default', name: meta.name ?? '', userInfo: { username: 'u', groups: [] } },
    serviceAccountName: 'sa', serviceAccountNamespace: 'default',
  };
}

// ---- The evaluation as it was before plans (reference) ----
interface Resolved { key: unknown; operator: string; value: unknown; message: string }

type Lazy = () => Resolved;

function resolveList(list: unknown, substitute: Substitute, pointer: string, exactOperators: boolean): Lazy[] {
  if (!Array.isArray(list)) throw new ConditionError('INVALID_CONDITIONS', 'conditions must be a list', pointer);
  return list.map((raw, i) => {
    const at = `${pointer}/${i}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new ConditionError('INVALID_CONDITIONS', 'a condition must be an object with key, operator and value', at);
    }
    const c = raw as Condition;
    // The legacy list form is checked while decoding (ApiextensionsJsonToKyvernoConditions): exact names.
    if (exactOperators && !isOperatorName(c.operator)) {
      throw new ConditionError('UNKNOWN_OPERATOR', `invalid condition operator: ${String(c.operator)}`, `${at}/operator`);
    }
    return () => ({
      key: c.key === undefined ? null : substitute(c.key, `${at}/key`),
      operator: typeof c.operator === 'string' ? c.operator : '',
      value: c.value === undefined ? null : substitute(c.value, `${at}/value`),
      message: resolveMessage(c.message, substitute, `${at}/message`),
    });
  });
}

function resolveMessage(message: unknown, substitute: Substitute, pointer: string): string {
  if (typeof message !== 'string' || message === '') return '';
  if (!message.includes('{{')) return message;
  const resolved = substitute(message, pointer);
  return typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
}

const joinMessages = (messages: string[], sep: string): string | undefined => {
  const text = messages.filter((m) => m !== '').join(sep);
  return text === '' ? undefined : text;
};

function result(passed: boolean, message: string | undefined): ConditionsResult {
  return message === undefined ? { passed } : { passed, message };
}

function evaluateAnyAll(any: Lazy[] | undefined, all: Lazy[]): ConditionsResult {
  const passedMessages: string[] = [];
  const failedMessages: string[] = [];
  let anyPassed = true;
  if (any) {
    anyPassed = false;
    for (const lazy of any) {
      const c = lazy();
      if (evaluateCondition(c)) {
        anyPassed = true;
        passedMessages.push(c.message);
        break;
      }
      failedMessages.push(c.message);
    }
  }
  let allPassed = true;
  for (const lazy of all) {
    const c = lazy();
    if (!evaluateCondition(c)) {
      allPassed = false;
      failedMessages.push(c.message);
      break;
    }
    passedMessages.push(c.message);
  }
  const passed = anyPassed && allPassed;
  return result(passed, joinMessages(passed ? passedMessages : failedMessages, '; '));
}

/** evaluateOldConditions: a plain list means all; the first failure stops with its message. */
function evaluateLegacy(all: Lazy[]): ConditionsResult {
  const passedMessages: string[] = [];
  for (const lazy of all) {
    const c = lazy();
    if (!evaluateCondition(c)) return result(false, c.message === '' ? undefined : c.message);
    passedMessages.push(c.message);
  }
  return result(true, joinMessages(passedMessages, ';'));
}

function referenceEvaluate(conditions: Conditions, substitute: Substitute, basePointer = ''): ConditionsResult {
  if (conditions === null || conditions === undefined) return { passed: true };
  if (Array.isArray(conditions)) return evaluateLegacy(resolveList(conditions, substitute, basePointer, true));
  if (typeof conditions !== 'object') {
    throw new ConditionError('INVALID_CONDITIONS', 'conditions must be a list or an object with any/all', basePointer);
  }
  for (const field of Object.keys(conditions)) {
    if (field !== 'any' && field !== 'all') {
      throw new ConditionError('INVALID_CONDITIONS', `unknown field '${field}' found under conditions`, `${basePointer}/${field}`);
    }
  }
  const any = conditions.any == null ? undefined : resolveList(conditions.any, substitute, `${basePointer}/any`, false);
  return evaluateAnyAll(any, resolveList(conditions.all ?? [], substitute, `${basePointer}/all`, false));
}

const outcome = (run: () => unknown) => {
  try {
    return { value: run() };
  } catch (e) {
    const err = e as { code?: string; message: string; path?: string };
    return { error: `${err.code} ${err.path} ${err.message}` };
  }
};

const cases: Array<{ blocks: unknown[]; data: Json[] }> = [];
const tests = existsSync(CORPUS) ? findTests(CORPUS) : [];
tests.push(...['policies', 'examples/pod-security'].flatMap((d) => findTests(join(REPO, d))));
for (const file of tests) {
  const test = readDocs(file)[0] ?? {};
  const list = (k: string) => ((test[k] ?? []) as unknown[]).filter((p): p is string => typeof p === 'string').flatMap((p) => readDocs(resolve(dirname(file), p)));
  const blocks = list('policies').flatMap((p) => blocksOf(p));
  const resources = list('resources').filter((r) => typeof r.kind === 'string');
  if (blocks.length === 0 || resources.length === 0) continue;
  const data = resources.flatMap((r, i) => variants(r, i + 7)).flatMap((r, i) => [requestData(r, i % 5 === 4 ? 'DELETE' : 'CREATE')]);
  cases.push({ blocks, data });
}

describe.skipIf(cases.length === 0)('planned conditions agree with the evaluation they replaced', () => {
  it(`${cases.length} test folders: same result, message or error`, () => {
    let compared = 0;
    let passed = 0;
    const mismatches: string[] = [];
    for (const { blocks, data } of cases) {
      for (const block of blocks) {
        for (const d of data) {
          const sub: Substitute = (v, pointer) => substituteVariables(v, d, { env, path: pointer });
          // Twice through the plan: the second use is the cached one.
          const fast = [outcome(() => evaluateConditions(block as Conditions, sub, '/x')), outcome(() => evaluateConditions(block as Conditions, sub, '/x'))];
          const slow = outcome(() => referenceEvaluate(block as Conditions, sub, '/x'));
          compared++;
          if ('value' in slow && (slow.value as ConditionsResult).passed) passed++;
          if (!fast.every((f) => isDeepStrictEqual(f, slow)) && mismatches.length < 10) mismatches.push(`${JSON.stringify(block)}\n  fast ${JSON.stringify(fast)}\n  slow ${JSON.stringify(slow)}`);
        }
      }
    }
    console.log(`conditions: ${compared} block evaluations compared, ${passed} passed`);
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });
});
