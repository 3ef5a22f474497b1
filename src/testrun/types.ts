/** The Kyverno CLI test format (cli.kyverno.io/v1alpha1 Test) and Guardrail's result rows. */

export interface TestResultSpec {
  policy: string;
  rule?: string;
  kind: string;
  namespace?: string;
  resources?: string[];
  resource?: string;
  result?: string;
  status?: string; // deprecated alias of result
  patchedResources?: string;
  patchedResource?: string;
  generatedResource?: string;
  cloneSourceResource?: string;
  isValidatingAdmissionPolicy?: boolean;
  isValidatingPolicy?: boolean;
  isMutatingPolicy?: boolean;
  isMutatingAdmissionPolicy?: boolean;
  isGeneratingPolicy?: boolean;
  isImageValidatingPolicy?: boolean;
  isDeletingPolicy?: boolean;
  /** Evaluate this result's resources as a request with this operation (e.g. DELETE). */
  operation?: string;
}

export interface TestSpec {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
  policies?: string[];
  resources?: string[];
  variables?: string;
  userinfo?: string;
  exceptions?: string[];
  targetResources?: string[];
  /** JSON documents for ValidatingPolicies with `evaluation.mode: JSON`, named by file name. */
  jsonPayloads?: string[];
  paramResources?: string[];
  clusterResources?: string[];
  context?: string;
  results?: TestResultSpec[];
  [key: string]: unknown;
}

/** `actual` is a rule status, or why no status could be computed. */
export type ActualResult = 'pass' | 'fail' | 'warn' | 'error' | 'skip' | 'unsupported' | 'notfound';

/** One row per expected result and resource: the `guardrail test -o json` contract. */
export interface TestRow {
  test: string;
  policy: string;
  rule: string;
  kind: string;
  resource: string;
  expected: string;
  actual: ActualResult;
  ok: boolean;
  reason: string;
  /** The engine's message for the actual result, when there is one. */
  message?: string;
  /** Which engine feature the policy needs (validate, validate.cel, mutate, ValidatingPolicy, ...). */
  feature: string;
}

export interface TestSummary {
  tests: number;
  results: number;
  passed: number;
  failed: number;
  unsupported: number;
  errors: number;
}

export interface TestRunReport {
  summary: TestSummary;
  results: TestRow[];
  /** Problems loading test files (bad YAML, missing files): each makes the run exit 2. */
  problems: Array<{ test: string; message: string }>;
}
