/**
 * Hands the parts of a rule the engine understands better to the injected checks: every `{{ }}` variable,
 * `jmesPath` field and foreach `list` to the JMESPath parser, patterns to the anchor checker, preconditions
 * and deny conditions to the condition checker. Their problems come back under our stable codes.
 */
import type { Issue } from '../../engine/result.js';
import type { IssueCode } from '../issue-codes.js';
import type { PolicyChecks } from './checks.js';
import { issue } from './issue.js';
import { asArray, asObject } from './policy-view.js';
import { findVariables, walkStrings } from './variables.js';

export function checkJmesPath(rule: unknown, pointer: string, jmespath: NonNullable<PolicyChecks['jmespath']>): Issue[] {
  const issues: Issue[] = [];
  const check = (expression: string, at: string): void => {
    const result = jmespath(expression);
    if (!result.ok) issues.push(issue('JMESPATH_INVALID', at, `invalid JMESPath "${expression}": ${result.message}`));
  };
  walkStrings(rule, pointer, (s, at, isKey) => {
    const variables = findVariables(s);
    for (const v of variables) check(v.expression, at);
    // Plain JMESPath fields; when they hold {{ }} variables, those were checked above.
    if (!isKey && variables.length === 0 && isExpressionField(at) && s.trim() !== '') check(s, at);
  });
  return issues;
}

function isExpressionField(pointer: string): boolean {
  return /\/jmesPath$/.test(pointer) || /\/foreach\/\d+\/list$/.test(pointer);
}

/** pattern / anyPattern entries in validate and its foreach entries, at any depth. */
export function checkPatterns(validate: unknown, pointer: string, pattern: NonNullable<PolicyChecks['pattern']>): Issue[] {
  const block = asObject(validate);
  if (!block) return [];
  const issues: Issue[] = [];
  if (block.pattern !== undefined) issues.push(...pattern(block.pattern, `${pointer}/pattern`));
  asArray(block.anyPattern).forEach((p, i) => issues.push(...pattern(p, `${pointer}/anyPattern/${i}`)));
  asArray(block.foreach).forEach((f, i) => issues.push(...checkPatterns(f, `${pointer}/foreach/${i}`, pattern)));
  return recode(issues, 'PATTERN_INVALID', 'PATTERN_WARNING');
}

/** preconditions and deny.conditions wherever a rule can hold them. */
export function checkConditions(rule: unknown, pointer: string, conditions: NonNullable<PolicyChecks['conditions']>): Issue[] {
  const issues: Issue[] = [];
  const visit = (value: unknown, at: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${at}/${i}`));
      return;
    }
    const obj = asObject(value);
    if (!obj) return;
    if (obj.preconditions !== undefined) issues.push(...conditions(obj.preconditions, `${at}/preconditions`));
    const deny = asObject(obj.deny);
    if (deny?.conditions !== undefined) issues.push(...conditions(deny.conditions, `${at}/deny/conditions`));
    for (const key of ['validate', 'mutate', 'generate', 'foreach', 'targets']) {
      if (obj[key] !== undefined) visit(obj[key], `${at}/${key}`);
    }
  };
  visit(rule, pointer);
  return recode(issues, 'CONDITION_INVALID', 'CONDITION_WARNING');
}

/** Engine checks have their own detailed codes; ours stay few and stable, split by severity. */
function recode(issues: Issue[], error: IssueCode, warning: IssueCode): Issue[] {
  return issues.map((i) => {
    const severity = i.severity ?? 'error';
    return { ...i, code: severity === 'warning' ? warning : error, severity };
  });
}
