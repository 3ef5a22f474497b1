/**
 * Mutation outcomes to RuleResults, named as Kyverno names them so reports and `kyverno test` files
 * line up: MutatingPolicy results are rule `` (pass "success" / skip) or `evaluation` (error)
 * (pkg/cel/policies/mpol/engine/engine.go handlePolicy); MutatingAdmissionPolicy results carry the
 * policy name as rule (pkg/admissionpolicy/mutate.go). failurePolicy Ignore turns an error into a
 * skip whose message keeps the error, and the object is left as it was.
 */
import type { RuleResult } from '../result.js';
import type { MutationOutcome } from './evaluate-body.js';
import type { FailurePolicy } from './reuse.js';
import type { MutatingPolicyKind } from './types.js';

export interface MutationResultBase {
  policy: string;
  kind: MutatingPolicyKind;
  failurePolicy: FailurePolicy;
  binding?: string;
}

export type MutatingRuleResult = RuleResult & { binding?: string; failurePolicy?: FailurePolicy };

export function mutationResult(base: MutationResultBase, outcome: MutationOutcome, changed: boolean): MutatingRuleResult {
  const isMap = base.kind === 'MutatingAdmissionPolicy';
  const common = {
    policy: base.policy,
    ruleType: 'mutation' as const,
    failurePolicy: base.failurePolicy,
    ...(base.binding !== undefined && { binding: base.binding }),
  };
  switch (outcome.kind) {
    case 'skip':
      return { ...common, rule: isMap ? base.policy : '', status: 'skip', message: outcome.message, reason: 'MATCH_CONDITIONS_NOT_MET' };
    case 'applied': {
      const message = isMap ? (changed ? 'mutation is successfully applied' : 'mutation had no effect') : 'success';
      return { ...common, rule: isMap ? base.policy : '', status: 'pass', message };
    }
    case 'error':
      if (base.failurePolicy === 'Ignore') {
        return { ...common, rule: isMap ? base.policy : 'evaluation', status: 'skip', message: `failurePolicy Ignore: ${outcome.message}`, reason: outcome.code };
      }
      return { ...common, rule: isMap ? base.policy : 'evaluation', status: 'error', message: `failed to evaluate policy: ${outcome.message}`, reason: outcome.code };
  }
}
