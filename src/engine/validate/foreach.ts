/**
 * foreach validation (Kyverno validateForEach/validateElements): each list is a JMESPath expression; every
 * element becomes `element`/`elementIndex` (and `element<N>`/`elementIndex<N>` by nesting depth); a map
 * element is the pattern target unless elementScope is false. The first non-pass element decides; errors
 * on all but the last element are tolerated, as Kyverno does. No element applied at all => skip.
 */
import { searchJmesPath, substituteVariables } from '../variables/index.js';
import type { ForEachValidation } from '../policy-types.js';
import { outcome, type Outcome } from './outcome.js';
import type { RuleScope } from './scope.js';
import { errorText, validateBlock } from './validate-rule.js';

export async function validateForEach(list: ForEachValidation[], s: RuleScope, message: string | undefined): Promise<Outcome> {
  let applied = 0;
  for (const fe of list) {
    let elements: unknown;
    try {
      const expr = substituteVariables(fe.list, s.data, { env: s.env }) as string;
      elements = searchJmesPath(expr, s.data, s.env);
    } catch {
      continue; // Kyverno logs "failed to evaluate list" and moves on
    }
    if (!Array.isArray(elements)) continue;
    const r = await validateElements(fe, elements, s, message);
    if (r.outcome.status !== 'pass') return r.outcome;
    applied += r.applied;
  }
  if (applied === 0) return outcome.skip('rule skipped', 'FOREACH_NOTHING_APPLIED');
  return outcome.pass('rule passed');
}

async function validateElements(
  fe: ForEachValidation,
  elements: unknown[],
  s: RuleScope,
  message: string | undefined,
): Promise<{ outcome: Outcome; applied: number }> {
  let applied = 0;
  for (let i = 0; i < elements.length; i++) {
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
    const data = {
      ...s.data,
      element,
      elementIndex: i,
      [`element${s.nesting}`]: element,
      [`elementIndex${s.nesting}`]: i,
    };
    if (s.foreachValues) for (const [k, vals] of Object.entries(s.foreachValues)) data[k] = vals[i];
    const child: RuleScope = { ...s, data, target: scoped ? element : s.target, nesting: s.nesting + 1 };
    let r: Outcome;
    try {
      // The entry itself, not a copy: validation caches compiled forms per block object.
      r = await validateBlock(fe, child, message);
    } catch (err) {
      r = outcome.error(errorText(err), 'FOREACH_ERROR');
    }
    if (r.status === 'skip') continue;
    if (r.status !== 'pass') {
      if (r.status === 'error' && i < elements.length - 1) continue;
      const out: Outcome = { ...r, message: `validation failure: ${r.message}` };
      return { outcome: out, applied };
    }
    applied++;
  }
  return { outcome: outcome.pass(''), applied };
}
