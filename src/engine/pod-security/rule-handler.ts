/**
 * The engine's entry for a podSecurity rule: Kyverno's invokeRuleHandler loads the rule's context and
 * checks its preconditions before any handler runs, then validate_pss.go takes over: DELETE requests
 * produce no result, and an Enforce rule failing an UPDATE whose old object fails too is skipped
 * (allowExistingViolations, on by default).
 */
import { evaluateConditions } from '../conditions/index.js';
import { loadContextEntries } from '../context/index.js';
import type { JsonObject, Rule } from '../policy-types.js';
import type { MaybePromise } from '../maybe-promise.js';
import type { AdmissionInput, EngineDeps } from '../request.js';
import { substituteVariables, type FunctionEnv } from '../variables/index.js';
import { evaluatePodSecurity, type PodSecurityException, type PodSecurityOutcome } from './rule.js';
import type { PodSecurityRule } from './types.js';

export interface PodSecurityRuleInputs {
  data: JsonObject;
  deps: EngineDeps;
  env: FunctionEnv;
  overrides: Record<string, unknown>;
  exceptions?: readonly PodSecurityException[];
  /** The rule's effective failure action is Enforce. */
  enforce?: boolean;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
const outcome = (status: PodSecurityOutcome['status'], message: string, reason: string): PodSecurityOutcome => ({ status, message, reason, checks: [] });

/**
 * Synchronous unless the rule has context entries to load (issue #5: an async function per rule cost a
 * promise and a microtask on every admission).
 */
export function evaluatePodSecurityRule(rule: Rule, input: AdmissionInput, r: PodSecurityRuleInputs): MaybePromise<PodSecurityOutcome | undefined> {
  if (input.operation === 'DELETE') return undefined;
  if (!rule.context?.length) return afterContext(rule, input, r, r.data);
  let loaded: Promise<JsonObject>;
  try {
    loaded = loadContextEntries(rule.context, r.data, r.deps, r.overrides);
  } catch (err) {
    return outcome('error', `failed to load context: ${errorText(err)}`, 'CONTEXT_LOAD_FAILED');
  }
  return loaded.then(
    (data) => afterContext(rule, input, r, data),
    (err: unknown) => outcome('error', `failed to load context: ${errorText(err)}`, 'CONTEXT_LOAD_FAILED'),
  );
}

function afterContext(rule: Rule, input: AdmissionInput, r: PodSecurityRuleInputs, data: JsonObject): PodSecurityOutcome {
  if (rule.preconditions) {
    try {
      const pre = evaluateConditions(rule.preconditions, (v) => substituteVariables(v, data, { env: r.env }));
      if (!pre.passed) return outcome('skip', 'preconditions not met', 'PRECONDITIONS_NOT_MET');
    } catch (err) {
      return outcome('error', `failed to evaluate preconditions: ${errorText(err)}`, 'PRECONDITIONS_ERROR');
    }
  }
  const spec = (rule.validate?.podSecurity ?? {}) as PodSecurityRule;
  const exceptions = r.exceptions ?? [];
  const out = evaluatePodSecurity(rule.name, spec, input.object ?? input.oldObject ?? {}, exceptions);
  if (out.status !== 'fail' || !r.enforce || input.operation !== 'UPDATE' || !input.oldObject || rule.validate?.allowExistingViolations === false) return out;
  const old = evaluatePodSecurity(rule.name, spec, input.oldObject, exceptions);
  if (old.status !== 'fail') return out;
  return outcome('skip', 'skipping the rule evaluation as pre-existing violations are allowed', 'EXISTING_VIOLATION');
}
