/**
 * A validation block (a rule's validate with its preconditions, or a foreach entry) compiled to one
 * function that says whether it certainly passes, for the quick lane. It follows afterContext and
 * validateForEach (validate-rule.ts, foreach.ts) step for step, but only as far as a pass: every failure,
 * error, pattern skip or empty foreach is UNDECIDED, and the interpreter decides and words it. Blocks
 * with context, variables the checks cannot compile (see condition-check.ts), nested foreach or list
 * expressions with variables compile to null.
 */
import type { ForEachValidation, JsonObject } from '../policy-types.js';
import { compileJmesPath, containsVariableSyntax, type FunctionEnv } from '../variables/index.js';
import { compileConditionsCheck } from './condition-check.js';
import { passingPatternOf, type ValidationBlock } from './validate-rule.js';

/** The full evaluation must decide (a fail, an error, a skip other than by preconditions...). */
export const UNDECIDED = -1;
/** The block's preconditions are not met: the interpreter's skip, PRECONDITIONS_NOT_MET. */
export const PRECONDITIONS_NOT_MET = -2;

/**
 * The index of what passed (the anyPattern index; 0 for pattern, deny and foreach), PRECONDITIONS_NOT_MET,
 * or UNDECIDED. May throw where the interpreter would report an error; callers treat a throw as UNDECIDED.
 */
export type BlockCheck = (target: unknown, data: JsonObject, env: FunctionEnv) => number;

export function compileBlockCheck(block: ValidationBlock, nesting: number): BlockCheck | null {
  if (block.context && block.context.length > 0) return null;
  const body = compileBody(block, nesting);
  if (body === null || !block.preconditions) return body;
  const pre = compileConditionsCheck(block.preconditions);
  if (pre === null) return null;
  return (target, data, env) => (pre(data, env) ? body(target, data, env) : PRECONDITIONS_NOT_MET);
}

function compileBody(block: ValidationBlock, nesting: number): BlockCheck | null {
  if (block.deny) {
    // validateDeny: no conditions means denied.
    const deny = block.deny.conditions ? compileConditionsCheck(block.deny.conditions) : null;
    if (deny === null) return null;
    return (_target, data, env) => (deny(data, env) ? UNDECIDED : 0);
  }
  if (block.pattern !== undefined || block.anyPattern !== undefined) {
    // The compiled check itself (no wrapper): one call less per rule and request.
    return passingPatternOf(block);
  }
  if (block.foreach) return compileForEachCheck(block.foreach, nesting);
  return null;
}

interface EntryCheck {
  list: (data: JsonObject, env: FunctionEnv) => unknown;
  elementScope: boolean | undefined;
  element: BlockCheck;
}

/** validateForEach at depth `nesting`: every list, every element, the element's variables by depth. */
function compileForEachCheck(list: ForEachValidation[], nesting: number): BlockCheck | null {
  const entries: EntryCheck[] = [];
  for (const fe of list) {
    if (typeof fe.list !== 'string' || containsVariableSyntax(fe.list) || fe.foreach) return null;
    const compiled = compileJmesPath(fe.list);
    if (!compiled.ok) return null;
    // The entry object itself: the interpreter keeps its compiled forms per entry, so both share them.
    const element = compileBlockCheck(fe, nesting + 1);
    if (element === null) return null;
    entries.push({ list: (data, env) => compiled.search(data, env), elementScope: fe.elementScope, element });
  }
  const elementKey = `element${nesting}`;
  const indexKey = `elementIndex${nesting}`;
  return (target, data, env) => {
    let applied = 0;
    let scoped: JsonObject | undefined;
    for (const e of entries) {
      const elements = e.list(data, env);
      if (!Array.isArray(elements)) return UNDECIDED;
      for (let i = 0; i < elements.length; i++) {
        const element = elements[i] as JsonObject[string] | undefined;
        if (element === null || element === undefined) continue;
        const isMap = typeof element === 'object' && !Array.isArray(element);
        if (e.elementScope === true && !isMap) return UNDECIDED;
        scoped ??= Object.assign({}, data);
        scoped.element = element;
        scoped.elementIndex = i;
        scoped[elementKey] = element;
        scoped[indexKey] = i;
        const r = e.element((e.elementScope ?? isMap) ? element : target, scoped, env);
        if (r === UNDECIDED) return UNDECIDED;
        if (r !== PRECONDITIONS_NOT_MET) applied++;
      }
    }
    // No element applied: the interpreter's skip (FOREACH_NOTHING_APPLIED).
    return applied === 0 ? UNDECIDED : 0;
  };
}
