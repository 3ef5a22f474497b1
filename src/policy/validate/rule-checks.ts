/**
 * Rule structure, as Kyverno validates it: unique rule names (Spec.ValidateRuleNames), one operation per
 * rule (Rule.ValidateRuleType) and one validation method per validate block and foreach entry
 * (pkg/validation/policy validationElemCount).
 */
import type { Issue } from '../../engine/result.js';
import type { JsonObject } from '../../engine/policy-types.js';
import { parseVersion, validateExcludes, type PodSecurityExclude } from '../../engine/pod-security/index.js';
import { issue } from './issue.js';
import { asArray, asObject, isPresent } from './policy-view.js';
import type { RuleRef } from './policy-view.js';

const OPERATIONS = ['validate', 'mutate', 'generate', 'verifyImages'] as const;
const METHODS = ['pattern', 'anyPattern', 'deny', 'foreach', 'cel', 'podSecurity', 'manifests', 'assert'] as const;
const FOREACH_METHODS = ['pattern', 'anyPattern', 'deny', 'foreach'] as const;

export function checkRuleNames(rules: RuleRef[]): Issue[] {
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  rules.forEach(({ name, pointer }, i) => {
    const seen = first.get(name);
    if (seen === undefined) first.set(name, i);
    else issues.push(issue('DUPLICATE_RULE_NAME', `${pointer}/name`, `duplicate rule name "${name}" (also rule ${seen})`));
  });
  return issues;
}

export function checkRuleType({ rule, name, pointer }: RuleRef): Issue[] {
  const present = OPERATIONS.filter((op) => isPresent(rule[op]));
  if (present.length === 1) return present[0] === 'validate' ? checkValidate(rule.validate, `${pointer}/validate`) : [];
  const message =
    present.length === 0
      ? `rule "${name}" defines no operation; one of ${OPERATIONS.join(', ')} is required`
      : `rule "${name}" defines ${present.join(' and ')}; only one operation is allowed per rule`;
  return [issue('RULE_TYPE', pointer, message)];
}

function countMethods(block: JsonObject, methods: readonly string[]): string[] {
  return methods.filter((m) => {
    const value = block[m];
    if (m === 'manifests') return asArray(asObject(value)?.attestors).length > 0; // as Kyverno counts it
    return value !== undefined && value !== null;
  });
}

function checkValidate(value: unknown, pointer: string): Issue[] {
  const block = asObject(value);
  if (!block) return []; // the schema reports the wrong type
  const issues = exactlyOne(countMethods(block, METHODS), METHODS, pointer, 'validate');
  asArray(block.foreach).forEach((entry, i) => issues.push(...checkForeach(entry, `${pointer}/foreach/${i}`)));
  const pss = asObject(block.podSecurity);
  if (pss) issues.push(...checkPodSecurity(pss, `${pointer}/podSecurity`));
  return issues;
}

function checkPodSecurity(pss: JsonObject, pointer: string): Issue[] {
  const issues: Issue[] = [];
  const version = typeof pss.version === 'string' ? parseVersion(pss.version) : undefined;
  if (version && !version.ok) issues.push(issue('POD_SECURITY_VERSION', `${pointer}/version`, `version ${JSON.stringify(pss.version)}: ${version.message}`));
  // The schema reports malformed entries; only well-formed ones are checked here.
  const excludes = asArray(pss.exclude).filter((e): e is PodSecurityExclude => typeof asObject(e)?.controlName === 'string');
  if (excludes.length === asArray(pss.exclude).length) {
    issues.push(...validateExcludes(excludes, typeof pss.level === 'string' ? pss.level : undefined, `${pointer}/exclude`));
  }
  return issues;
}

function checkForeach(value: unknown, pointer: string): Issue[] {
  const block = asObject(value);
  if (!block) return [];
  const issues = exactlyOne(countMethods(block, FOREACH_METHODS), FOREACH_METHODS, pointer, 'foreach');
  asArray(block.foreach).forEach((entry, i) => issues.push(...checkForeach(entry, `${pointer}/foreach/${i}`)));
  return issues;
}

function exactlyOne(found: string[], allowed: readonly string[], pointer: string, what: string): Issue[] {
  if (found.length === 1) return [];
  const message =
    found.length === 0
      ? `${what} needs one of ${allowed.join(', ')}`
      : `${what} has ${found.join(' and ')}; only one of ${allowed.join(', ')} is allowed`;
  return [issue('VALIDATE_TYPE', pointer, message)];
}
