/**
 * Results and issues are values: every rule evaluation ends in a RuleResult, every problem found while
 * loading or compiling in an Issue. Neither is thrown; a throw inside a rule is a programmer error and is
 * turned into `status: 'error'` at the rule boundary (see evaluate).
 */

/** Kyverno's rule statuses (pkg/engine/api RuleStatus). */
export type RuleStatus = 'pass' | 'fail' | 'warn' | 'error' | 'skip';

export type RuleType = 'validation' | 'mutation' | 'generation' | 'verifyImages';

export interface RuleResult {
  policy: string;
  rule: string;
  status: RuleStatus;
  /** Human message; for fail, Kyverno's format incl. the failing path. */
  message: string;
  /** JSON Pointer into the resource where the failure was found ('' = whole resource). */
  path?: string;
  ruleType: RuleType;
  /** Why a rule was skipped or errored, machine readable, e.g. 'PRECONDITIONS_NOT_MET'. */
  reason?: string;
  /** Effective action for a failure: Enforce blocks admission, Audit only reports. */
  action?: 'Enforce' | 'Audit';
  /** Fix hint from the `guardrail.dev/fix` annotation. */
  fix?: string;
  /** Set when a PolicyException turned a fail into skip. */
  exception?: string;
}

export interface SourcePosition {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
}

/** A problem found in a policy, resource or input file. `path` is a JSON Pointer into the document. */
export interface Issue {
  code: string;
  message: string;
  path: string;
  source?: SourcePosition;
  severity?: 'error' | 'warning';
}

/** Formats an issue as `file:line:col  path  CODE  message` (the CLI and logs use this). */
export function formatIssue(issue: Issue): string {
  const where = issue.source ? `${issue.source.file}:${issue.source.line}:${issue.source.col}` : '-';
  return `${where}  ${issue.path || '/'}  ${issue.code}  ${issue.message}`;
}
