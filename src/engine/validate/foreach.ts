/**
 * foreach validation (Kyverno validateForEach/validateElements): each list is a JMESPath expression; every
 * element becomes `element`/`elementIndex` (and `element<N>`/`elementIndex<N>` by nesting depth); a map
 * element is the pattern target unless elementScope is false. The first non-pass element decides; errors
 * on all but the last element are tolerated, as Kyverno does. No element applied at all => skip.
 */
import { isPromise, type MaybePromise } from '../maybe-promise.js';
import { searchJmesPath, substituteVariables } from '../variables/index.js';
import type { ForEachValidation, JsonObject } from '../policy-types.js';
import { outcome, type Outcome } from './outcome.js';
import type { RuleScope } from './scope.js';
import { errorText, validateBlock } from './validate-rule.js';

/** Shared outcomes (frozen: an outcome is read, never changed). */
const RULE_PASSED: Outcome = Object.freeze(outcome.pass('rule passed'));
const ELEMENTS_PASSED: Outcome = Object.freeze(outcome.pass(''));

interface ElementsOutcome {
  outcome: Outcome;
  applied: number;
}

/** Synchronous unless an element's block loads context (see maybe-promise.ts). */
export function validateForEach(list: ForEachValidation[], s: RuleScope, message: string | undefined): MaybePromise<Outcome> {
  let applied = 0;
  const from = (start: number): MaybePromise<Outcome> => {
    for (let k = start; k < list.length; k++) {
      const fe = list[k] as ForEachValidation;
      let elements: unknown;
      try {
        const expr = substituteVariables(fe.list, s.data, { env: s.env }) as string;
        elements = searchJmesPath(expr, s.data, s.env);
      } catch {
        continue; // Kyverno logs "failed to evaluate list" and moves on
      }
      if (!Array.isArray(elements)) continue;
      const r = validateElements(fe, elements, s, message, 0, 0);
      if (isPromise(r)) return r.then((done) => (done.outcome.status !== 'pass' ? done.outcome : ((applied += done.applied), from(k + 1))));
      if (r.outcome.status !== 'pass') return r.outcome;
      applied += r.applied;
    }
    if (applied === 0) return outcome.skip('rule skipped', 'FOREACH_NOTHING_APPLIED');
    return RULE_PASSED;
  };
  return from(0);
}

function validateElements(
  fe: ForEachValidation,
  elements: unknown[],
  s: RuleScope,
  message: string | undefined,
  start: number,
  appliedBefore: number,
): MaybePromise<ElementsOutcome> {
  let applied = appliedBefore;
  // One variable document and one scope for the whole loop, updated per element: a copy of the document
  // per element was most of a foreach rule's allocation. Safe because an element's evaluation keeps no
  // reference to them once it is decided; an element that waits ends this loop (the continuation starts
  // a new one with its own document).
  let data: JsonObject | undefined;
  let child: RuleScope | undefined;
  const elementKey = `element${s.nesting}`;
  const indexKey = `elementIndex${s.nesting}`;
  for (let i = start; i < elements.length; i++) {
    const element = elements[i];
    if (element === null || element === undefined) continue;
    const isMap = typeof element === 'object' && !Array.isArray(element);
    if (fe.elementScope === true && !isMap) {
      return {
        outcome: outcome.error(`cannot use elementScope=true foreach rules for elements that are not maps, expected type=map got type=${typeof element}`, 'FOREACH_ERROR'),
        applied,
      };
    }
    const scoped = fe.elementScope ?? isMap;
    if (data === undefined || child === undefined) {
      // Object.assign, not a spread with new keys: that costs ~10 µs per element on Node 20 (see
      // context/request-data.ts). Same keys, same order.
      data = Object.assign({}, s.data);
      child = Object.assign({}, s, { data, nesting: s.nesting + 1 });
    }
    data.element = element as JsonObject[string];
    data.elementIndex = i;
    data[elementKey] = element as JsonObject[string];
    data[indexKey] = i;
    if (s.foreachValues) for (const [k, vals] of Object.entries(s.foreachValues)) data[k] = vals[i];
    child.target = scoped ? element : s.target;
    let r: MaybePromise<Outcome>;
    try {
      // The entry itself, not a copy: validation caches compiled forms per block object.
      r = validateBlock(fe, child, message);
    } catch (err) {
      r = outcome.error(errorText(err), 'FOREACH_ERROR');
    }
    if (isPromise(r)) {
      const index = i;
      const settled = r.catch((err: unknown) => outcome.error(errorText(err), 'FOREACH_ERROR'));
      return settled.then((o) => {
        const decided = decide(o, index, elements.length, applied);
        return decided ?? validateElements(fe, elements, s, message, index + 1, o.status === 'pass' ? applied + 1 : applied);
      });
    }
    const decided = decide(r, i, elements.length, applied);
    if (decided) return decided;
    if (r.status === 'pass') applied++;
  }
  return { outcome: ELEMENTS_PASSED, applied };
}

/** One element's outcome: undefined to go on (pass, skip, a tolerated error), else the list's outcome. */
function decide(r: Outcome, i: number, count: number, applied: number): ElementsOutcome | undefined {
  if (r.status === 'skip' || r.status === 'pass') return undefined;
  if (r.status === 'error' && i < count - 1) return undefined;
  return { outcome: { ...r, message: `validation failure: ${r.message}` }, applied };
}
