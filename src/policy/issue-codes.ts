/**
 * Every issue code the policy module emits, with a one-line description. Codes are a contract: the CLI,
 * the policy-validating webhook and docs refer to them, so they never change meaning; add new ones instead.
 * A test checks that every code emitted in src/policy is listed here.
 */
export const ISSUE_CODES = {
  // Input loading
  FILE_NOT_FOUND: 'An input path does not exist.',
  FILE_UNREADABLE: 'An input path exists but could not be read (permissions, I/O error).',
  FILE_TOO_LARGE: 'An input file is larger than the configured limit and was not read.',
  YAML_PARSE: 'A document is not well-formed YAML or JSON.',
  NOT_KUBERNETES: 'A document is not a Kubernetes object (a scalar, an array, or missing apiVersion/kind).',
  // Policy shape (JSON Schema)
  UNKNOWN_POLICY_KIND: 'A Kyverno or admission policy apiVersion/kind that does not exist (e.g. a misspelt kind or unserved version).',
  NOT_A_POLICY: 'A warning: the document is not a policy type Guardrail validates, so it was skipped.',
  SCHEMA_UNKNOWN_FIELD: 'A field that the policy API does not define.',
  SCHEMA_MISSING_FIELD: 'A required field is missing.',
  SCHEMA_WRONG_TYPE: 'A field has the wrong type (e.g. a string where a list is expected).',
  SCHEMA_BAD_VALUE: 'A field value is outside what the API allows (enum, pattern, range, size).',
  // Policy semantics (Kyverno pkg/validation/policy)
  DUPLICATE_RULE_NAME: 'Two rules in one policy share a name.',
  RULE_TYPE: 'A rule must define exactly one of validate, mutate, generate or verifyImages.',
  VALIDATE_TYPE: 'A validate rule must define exactly one of pattern, anyPattern, deny, foreach, cel, podSecurity, manifests, assert.',
  MATCH_VARIABLE: 'Variables ({{ }}) are not allowed in match or exclude.',
  BACKGROUND_USER_INFO: 'background mode (the default) cannot use admission-only user information.',
  DUPLICATE_CONTEXT_NAME: 'A warning: two context entries in one list share a name; the later replaces the earlier.',
  INVALID_KIND: 'A kind in match/exclude cannot be parsed as [group/][version/]Kind[/subresource].',
  // Deeper checks delegated to the engine
  JMESPATH_INVALID: 'A JMESPath expression (a {{ }} variable, jmesPath or foreach list) does not parse.',
  PATTERN_INVALID: 'A validate pattern uses an anchor or operator incorrectly.',
  PATTERN_WARNING: 'A warning from the pattern check: legal but probably not what was meant.',
  CONDITION_INVALID: 'A precondition or deny condition is malformed (e.g. an unknown operator).',
  CONDITION_WARNING: 'A warning from the condition check, e.g. a deprecated operator such as NotIn.',
  // podSecurity (Kyverno PodSecurityStandard.Validate, ValidatePSaControlNames)
  POD_SECURITY_VERSION: 'A podSecurity version is neither "latest" nor v1.<minor>.',
  PSS_EXCLUDE_IMAGES_REQUIRED: 'A podSecurity exclude of a container-level control names no images.',
  PSS_EXCLUDE_IMAGES_FORBIDDEN: 'A podSecurity exclude of a pod-level control names images.',
  PSS_EXCLUDE_VALUES_REQUIRED: 'A podSecurity exclude with restrictedField has no values.',
  PSS_EXCLUDE_RESTRICTED_FIELD_REQUIRED: 'A podSecurity exclude with values has no restrictedField.',
  PSS_EXCLUDE_CONTROL_LEVEL: 'A baseline podSecurity rule excludes a restricted-only control.',
} as const satisfies Record<string, string>;

export type IssueCode = keyof typeof ISSUE_CODES;
