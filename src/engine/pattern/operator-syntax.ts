/**
 * Operator checks for validatePatternSyntax: conditions that parse but can never match. Ordering operators
 * and range endpoints compare only durations and quantities (pattern.go compareString refuses strings),
 * and `1-` / `1!-` are ranges missing an end. Conditions with `{{ }}` are left to run time.
 */
import { parseDuration } from '../values/index.js';
import { compileCondition, strictQuantity, type Comparison } from './operators.js';

const INCOMPLETE_RANGE = /^[-+]?\d+(?:\.\d+)?[A-Za-z]*!?-$/;

function isComparable(operand: string): boolean {
  return parseDuration(operand) !== undefined || strictQuantity(operand) !== undefined;
}

function comparisonProblem(cmp: Comparison, condition: string): string | undefined {
  if (cmp.op === '' || cmp.op === '!') return undefined;
  if (cmp.operand === '') return `"${condition}": operator ${cmp.op} has no operand`;
  if (!isComparable(cmp.operand)) {
    return `"${condition}": ${cmp.op} compares numbers, quantities or durations, and "${cmp.operand}" is none of them`;
  }
  return undefined;
}

function conditionProblem(condition: string): string | undefined {
  if (condition.includes('{{')) return undefined;
  if (INCOMPLETE_RANGE.test(condition)) return `"${condition}": range is missing its upper end`;
  const c = compileCondition(condition);
  if (c.kind === 'compare') return comparisonProblem(c.cmp, condition);
  for (const end of [c.low, c.high]) {
    if (!isComparable(end.operand)) return `"${condition}": range end "${end.operand}" is not a number, quantity or duration`;
  }
  return undefined;
}

/** The first problem in a string pattern, split the way pattern.go splits it (`|` then `&`). */
export function operatorProblem(pattern: string): string | undefined {
  for (const alternative of pattern.split('|')) {
    for (const part of alternative.split('&')) {
      const problem = conditionProblem(part.replace(/^ +| +$/g, ''));
      if (problem) return problem;
    }
  }
  return undefined;
}
