/** Stable issue codes for CEL compile and evaluation failures (documented in docs/cel.md). */
export type CelIssueCode = 'CEL_SYNTAX' | 'CEL_UNKNOWN_FUNCTION' | 'CEL_TYPE' | 'CEL_COST_EXCEEDED' | 'CEL_EVAL';

/** Every code that exists; docs/cel.md must list exactly these (checked by a test). */
export const CEL_ISSUE_CODES = [
  'CEL_SYNTAX',
  'CEL_UNKNOWN_FUNCTION',
  'CEL_TYPE',
  'CEL_COST_EXCEEDED',
  'CEL_EVAL',
] as const satisfies readonly CelIssueCode[];

/** A compile failure: `offset` is 0-based into the expression, `line`/`col` are 1-based. */
export interface CelCompileFailure {
  ok: false;
  code: CelIssueCode;
  message: string;
  offset?: number;
  line?: number;
  col?: number;
}

export type CelCompileResult = { ok: true; program: CelProgram } | CelCompileFailure;

export type CelEvalResult =
  | { ok: true; value: unknown; cost: number }
  | { ok: false; code: CelIssueCode; message: string; cost: number };

export interface CelEvalOptions {
  /** Cost units this evaluation may spend; default PerCallLimit (1,000,000). */
  costBudget?: number;
  /**
   * Return the CEL runtime value instead of JSON (int as bigint, optionals kept): for values that only
   * feed other programs, such as policy variables, in an activation evaluated with `converted`.
   */
  raw?: boolean;
  /**
   * The activation was made by `toCelActivation` (values already CEL values): skip the per-call
   * conversion. Callers evaluating many expressions over one activation convert it once.
   */
  converted?: boolean;
}

export interface CelProgram {
  readonly expression: string;
  evaluate(activation: Record<string, unknown>, opts?: CelEvalOptions): CelEvalResult;
}

export interface CelCompileOptions {
  /** Declared top-level variables; when given, any other identifier is a compile error. */
  variables?: readonly string[];
}
