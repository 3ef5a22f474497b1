/**
 * One `validate` rule or foreach level, in Kyverno's order: load context, check preconditions, then deny,
 * pattern/anyPattern or foreach. Mirrors pkg/engine/handlers/validation/validate_resource.go.
 * Synchronous unless the block loads context (see maybe-promise.ts); patterns without variables are
 * tried through their compiled checks first (pattern/fast), the interpreter words every non-pass.
 */
import { evaluateConditions, planConditions } from '../conditions/index.js';
import { loadContextEntriesNow } from '../context/index.js';
import { isPromise, type MaybePromise } from '../maybe-promise.js';
import { compilePatternCheck, FAST_PASS, validatePattern, type PatternCheck } from '../pattern/index.js';
import type { Conditions, ContextEntry, ForEachValidation, JsonObject } from '../policy-types.js';
import { containsVariableSyntax, substituteVariables } from '../variables/index.js';
import { fastAnyPatternIndex, validateAnyPatterns } from './any-pattern.js';
import { validateForEach } from './foreach.js';
import { anyPatternPassMessage, denyFailMessage, passMessage, patternErrorMessage, patternFailMessage } from './messages.js';
import { outcome, type Outcome } from './outcome.js';
import type { RuleScope } from './scope.js';

/** The parts of a rule or foreach entry that validation reads. */
export interface ValidationBlock {
  context?: ContextEntry[];
  preconditions?: Conditions;
  pattern?: unknown;
  anyPattern?: unknown[];
  deny?: { conditions?: Conditions };
  foreach?: ForEachValidation[];
}

/**
 * A throw stays a rejected promise, as when this function was `async` (callers chain with andThen /
 * isPromise and catch rejections, not synchronous throws).
 */
export function validateBlock(block: ValidationBlock, scope: RuleScope, message: string | undefined): MaybePromise<Outcome> {
  try {
    if (block.context && block.context.length > 0) return withContext(block, block.context, scope, message);
    return afterContext(block, scope, message);
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

function withContext(block: ValidationBlock, context: ContextEntry[], scope: RuleScope, message: string | undefined): MaybePromise<Outcome> {
  const failed = (err: unknown): Outcome => outcome.error(`failed to load context: ${errorText(err)}`, 'CONTEXT_LOAD_FAILED');
  let loaded: MaybePromise<JsonObject>;
  try {
    loaded = loadContextEntriesNow(context, scope.data, scope.deps, scope.overrides);
  } catch (err) {
    return failed(err);
  }
  const next = (data: JsonObject): MaybePromise<Outcome> => afterContext(block, data === scope.data ? scope : { ...scope, data }, message);
  // A variable-only context stays synchronous (see loadContextEntriesNow).
  return isPromise(loaded) ? loaded.then(next, failed) : next(loaded);
}

function afterContext(block: ValidationBlock, s: RuleScope, message: string | undefined): MaybePromise<Outcome> {
  if (block.preconditions) {
    try {
      const pre = evaluateConditions(block.preconditions, (v) => substituteVariables(v, s.data, { env: s.env }));
      if (!pre.passed) return outcome.skip('preconditions not met', 'PRECONDITIONS_NOT_MET');
    } catch (err) {
      return outcome.error(`failed to evaluate preconditions: ${errorText(err)}`, 'PRECONDITIONS_ERROR');
    }
  }
  if (block.deny) return validateDeny(block.deny.conditions, s, message);
  if (block.pattern !== undefined || block.anyPattern !== undefined) return validatePatterns(block, s, message);
  if (block.foreach) return validateForEach(block.foreach, s, message);
  return outcome.error('invalid validation rule: pattern, anyPattern, deny or foreach expected', 'INVALID_RULE');
}

function validateDeny(conditions: Conditions | undefined, s: RuleScope, message: string | undefined): Outcome {
  let denied: boolean;
  try {
    denied = conditions ? evaluateConditions(conditions, (v) => substituteVariables(v, s.data, { env: s.env })).passed : true;
  } catch (err) {
    return outcome.error(`failed to check deny conditions: ${errorText(err)}`, 'DENY_CONDITIONS_ERROR');
  }
  if (!denied) return outcome.pass(passMessage(s.rule.name));
  return outcome.fail(denyFailMessage(s.rule.name, substituteMessage(message, s)));
}

/**
 * A block whose pattern/anyPattern has no `{{` (substitution would return it unchanged), with its
 * compiled checks; null when it has variables. Built once per block object.
 */
interface PatternPlan {
  /** The index of the pattern that passes (0 for `pattern`), or -1 when the interpreter must decide. */
  passing: (target: unknown) => number;
  isAny: boolean;
  /** The pass messages (per anyPattern index) for the last rule name seen: a block belongs to one rule. */
  rule: string;
  pass: string[];
}

const plans = new WeakMap<ValidationBlock, PatternPlan | null>();

function planOf(block: ValidationBlock): PatternPlan | null {
  let plan = plans.get(block);
  if (plan === undefined) {
    plan = buildPlan(block);
    plans.set(block, plan);
  }
  return plan;
}

function buildPlan(block: ValidationBlock): PatternPlan | null {
  if (block.pattern !== undefined) {
    if (containsVariableSyntax(block.pattern)) return null;
    const single: PatternCheck = compilePatternCheck(block.pattern);
    return { passing: (target) => (single(target) === FAST_PASS ? 0 : -1), isAny: false, rule: '', pass: [] };
  }
  const any: unknown = block.anyPattern;
  if (!Array.isArray(any) || containsVariableSyntax(any)) return null;
  const checks = any.map(compilePatternCheck);
  return { passing: (target) => fastAnyPatternIndex(checks, target), isAny: true, rule: '', pass: [] };
}

/**
 * The compiled answer of a block's variable-free pattern or anyPattern: the index of the pattern that
 * passes, or -1 when the interpreter must decide; null when the block has none or it holds variables.
 */
export function passingPatternOf(block: ValidationBlock): ((target: unknown) => number) | null {
  return planOf(block)?.passing ?? null;
}

/**
 * Builds the block's lazily made plans now (pattern checks, conditions plans, foreach entries'), for
 * preparePolicySet. Problems are left to evaluation, which reports them: nothing here throws.
 */
export function prepareValidationBlock(block: ValidationBlock): void {
  const conditions = [block.preconditions, block.deny?.conditions];
  try {
    if (block.pattern !== undefined || block.anyPattern !== undefined) planOf(block);
    for (const c of conditions) if (c !== null && typeof c === 'object') planConditions(c, '');
    for (const fe of block.foreach ?? []) prepareValidationBlock(fe);
  } catch {
    // evaluation reports it
  }
}

/** The outcome for a block whose compiled checks say it passes; undefined to run the interpreter. */
export function fastPatternPass(block: ValidationBlock, s: RuleScope): Outcome | undefined {
  const plan = planOf(block);
  if (plan === null) return undefined;
  const index = plan.passing(s.target);
  if (index < 0) return undefined;
  const name = s.rule.name;
  if (plan.rule !== name) {
    plan.rule = name;
    plan.pass = [];
  }
  const message = (plan.pass[index] ??= plan.isAny ? anyPatternPassMessage(name, index) : passMessage(name));
  return outcome.pass(message);
}

function validatePatterns(block: ValidationBlock, s: RuleScope, message: string | undefined): Outcome {
  const fast = fastPatternPass(block, s);
  if (fast !== undefined) return fast;
  return interpretPatterns(block, s, message);
}

/** The interpreter: substitutes variables (when there are any), then matches and words the outcome. */
export function interpretPatterns(block: ValidationBlock, s: RuleScope, message: string | undefined): Outcome {
  const plain = planOf(block) !== null;
  let pattern: unknown;
  let anyPattern: unknown[] | undefined;
  try {
    if (block.pattern !== undefined) pattern = plain ? block.pattern : substituteVariables(block.pattern, s.data, { env: s.env });
    else anyPattern = (plain ? block.anyPattern : substituteVariables(block.anyPattern, s.data, { env: s.env })) as unknown[];
  } catch (err) {
    return outcome.error(`variable substitution failed: ${errorText(err)}`, 'VARIABLE_SUBSTITUTION_FAILED');
  }
  if (anyPattern !== undefined) return validateAnyPatterns(s, anyPattern, message);
  const result = validatePattern(s.target, pattern);
  switch (result.status) {
    case 'pass':
      return outcome.pass(passMessage(s.rule.name));
    case 'skip':
      return outcome.skip(result.message, 'PATTERN_CONDITION_NOT_MET');
    case 'fail':
      return outcome.fail(patternFailMessage(s.rule.name, substituteMessage(message, s), result.path), result.path);
    case 'error':
      return outcome.error(patternErrorMessage(s.rule.name, substituteMessage(message, s), result.message), 'PATTERN_ERROR');
  }
}

/** Substitutes variables in the rule message; on failure Kyverno keeps the raw message. */
export function substituteMessage(message: string | undefined, s: RuleScope): string | undefined {
  if (!message || !message.includes('{{')) return message;
  try {
    const out = substituteVariables(message, s.data, { env: s.env });
    return typeof out === 'string' ? out : JSON.stringify(out);
  } catch {
    return message;
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
