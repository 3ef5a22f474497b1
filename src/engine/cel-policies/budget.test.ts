import { describe, expect, it } from 'vitest';
import { createCostBudget, evaluateCelPolicy } from './index.js';
import { NOW, admission, pod, podRules, vpol } from './testing/fixtures.js';

const heavy = { expression: 'object.spec.containers.all(c, [1,2,3,4,5,6,7,8,9,10].all(i, [1,2,3,4,5,6,7,8,9,10].all(j, i * j > 0)))' };

describe('cost budgets', () => {
  it('an expression over the per-expression budget is an error result with CEL_COST_EXCEEDED', () => {
    const p = vpol('p', { matchConstraints: podRules, validations: [heavy] });
    expect(evaluateCelPolicy(p, admission(pod('a')), { now: NOW })).toMatchObject([{ status: 'pass' }]);
    const tight = createCostBudget({ perExpression: 50 });
    expect(evaluateCelPolicy(p, admission(pod('a')), { now: NOW, budget: tight })).toMatchObject([
      { status: 'error', reason: 'CEL_COST_EXCEEDED', failurePolicy: 'Fail' },
    ]);
  });

  it('a shared per-request budget runs out across expressions and policies', () => {
    const p = vpol('p', { matchConstraints: podRules, validations: [heavy, heavy, heavy] });
    const first = createCostBudget();
    evaluateCelPolicy(p, admission(pod('a')), { now: NOW, budget: first });
    const perRun = 10_000_000 - first.remaining;
    expect(perRun).toBeGreaterThan(0);
    const shared = createCostBudget({ perRequest: perRun + perRun / 2 });
    expect(evaluateCelPolicy(p, admission(pod('a')), { now: NOW, budget: shared })).toMatchObject([{ status: 'pass' }]);
    expect(evaluateCelPolicy(p, admission(pod('b')), { now: NOW, budget: shared })).toMatchObject([{ status: 'error', reason: 'CEL_COST_EXCEEDED' }]);
  });
});
