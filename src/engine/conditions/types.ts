/**
 * Condition operators as Kyverno declares them (api/kyverno/v1 ConditionOperators). `Equal` and
 * `NotEqual` are the deprecated spellings of `Equals`/`NotEquals`; `In`/`NotIn` are deprecated in favour
 * of the Any/All set operators; `Duration*` are deprecated since the numeric operators accept durations.
 */
export type OperatorName =
  | 'Equals' | 'Equal' | 'NotEquals' | 'NotEqual'
  | 'In' | 'NotIn' | 'AnyIn' | 'AllIn' | 'AnyNotIn' | 'AllNotIn'
  | 'GreaterThan' | 'GreaterThanOrEquals' | 'LessThan' | 'LessThanOrEquals'
  | 'DurationGreaterThan' | 'DurationGreaterThanOrEquals' | 'DurationLessThan' | 'DurationLessThanOrEquals';

export interface OperatorEntry {
  name: OperatorName;
  /** One line on the semantics, with the Kyverno source it mirrors. */
  note: string;
  /** Set for deprecated spellings: the operators to use instead. */
  deprecated?: OperatorName[];
  /**
   * Kyverno picks the handler case-insensitively but the numeric and duration handlers compare the
   * operator string exactly (numeric.go compareByCondition), so `greaterthan` evaluates to false.
   */
  exactCaseOnly?: boolean;
  /** `key` and `value` are already substituted (JSON values: string, number, boolean, null, list, map). */
  evaluate(key: unknown, value: unknown): boolean;
  /**
   * Optional: `evaluate` with `value` fixed, decided once for a policy's literal value (plan.ts), or
   * undefined when there is nothing to gain. Must answer exactly as `evaluate(key, value)`.
   */
  prepare?(value: unknown): ((key: unknown) => boolean) | undefined;
}

export interface ConditionIssue {
  code: string;
  message: string;
  /** JSON Pointer into the policy. */
  path: string;
  severity?: 'error' | 'warning';
}

/** Thrown where Kyverno returns an error (the rule then ends with status `error`), never for a false result. */
export class ConditionError extends Error {
  constructor(
    readonly code: 'UNKNOWN_OPERATOR' | 'INVALID_CONDITIONS' | 'INVALID_KEY',
    message: string,
    readonly path: string = '',
  ) {
    super(message);
    this.name = 'ConditionError';
  }
}
