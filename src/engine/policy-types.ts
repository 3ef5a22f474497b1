/**
 * The Kyverno policy model as Guardrail reads it (kyverno.io/v1 and v2beta1 ClusterPolicy/Policy,
 * kyverno.io/v2 PolicyException). Fields are optional because YAML is untrusted input: the policy
 * validator (src/policy) checks shapes and the compiler refuses what it cannot evaluate.
 * Reference: https://kyverno.io/docs/writing-policies/ and kyverno api/kyverno/v1/*.go
 */

export type JsonObject = Record<string, unknown>;

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }>;
}

export interface Subject {
  kind: 'User' | 'Group' | 'ServiceAccount' | string;
  name: string;
  namespace?: string;
}

export interface ResourceDescription {
  kinds?: string[];
  name?: string;
  names?: string[];
  namespaces?: string[];
  annotations?: Record<string, string>;
  selector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  operations?: string[];
}

export interface UserInfo {
  roles?: string[];
  clusterRoles?: string[];
  subjects?: Subject[];
}

/** One entry of match.any / match.all (ResourceFilter). */
export interface ResourceFilter extends UserInfo {
  resources?: ResourceDescription;
}

/** match / exclude block: either any/all filters or the legacy inline form. */
export interface MatchResources extends UserInfo {
  any?: ResourceFilter[];
  all?: ResourceFilter[];
  resources?: ResourceDescription;
}

export interface Condition {
  key: unknown;
  operator: string;
  value?: unknown;
  message?: string;
}

/** Preconditions / deny conditions: {any, all} or (legacy) a plain list meaning all. */
export type Conditions = { any?: Condition[]; all?: Condition[] } | Condition[];

export interface ContextEntry {
  name: string;
  variable?: { value?: unknown; jmesPath?: string; default?: unknown };
  configMap?: { name: string; namespace?: string };
  apiCall?: {
    urlPath?: string;
    method?: 'GET' | 'POST';
    data?: Array<{ key: string; value: unknown }>;
    service?: { url: string; caBundle?: string; headers?: Array<{ key: string; value: string }> };
    jmesPath?: string;
    default?: unknown;
  };
  globalReference?: { name: string; jmesPath?: string };
  imageRegistry?: { reference: string; jmesPath?: string };
}

export interface ForEachValidation {
  list: string;
  elementScope?: boolean;
  context?: ContextEntry[];
  preconditions?: Conditions;
  pattern?: unknown;
  anyPattern?: unknown[];
  deny?: { conditions?: Conditions };
  foreach?: ForEachValidation[];
}

export interface Validation {
  message?: string;
  failureAction?: 'Audit' | 'Enforce';
  failureActionOverrides?: Array<{ action: 'Audit' | 'Enforce'; namespaces?: string[]; namespaceSelector?: LabelSelector }>;
  allowExistingViolations?: boolean;
  pattern?: unknown;
  anyPattern?: unknown[];
  deny?: { conditions?: Conditions };
  foreach?: ForEachValidation[];
  cel?: {
    expressions?: Array<{ expression: string; message?: string; messageExpression?: string; reason?: string }>;
    paramKind?: { apiVersion?: string; kind?: string };
    paramRef?: JsonObject;
    auditAnnotations?: Array<{ key: string; valueExpression: string }>;
    variables?: Array<{ name: string; expression: string }>;
    generate?: boolean;
  };
  podSecurity?: JsonObject;
  manifests?: JsonObject;
  assert?: JsonObject;
}

export interface Rule {
  name: string;
  match?: MatchResources;
  exclude?: MatchResources;
  context?: ContextEntry[];
  preconditions?: Conditions;
  celPreconditions?: Array<{ name: string; expression: string }>;
  validate?: Validation;
  mutate?: JsonObject;
  generate?: JsonObject;
  verifyImages?: unknown[];
  skipBackgroundRequests?: boolean;
}

export interface PolicySpec {
  rules?: Rule[];
  validationFailureAction?: 'Audit' | 'Enforce' | 'audit' | 'enforce';
  validationFailureActionOverrides?: Validation['failureActionOverrides'];
  background?: boolean;
  failurePolicy?: 'Fail' | 'Ignore';
  admission?: boolean;
  applyRules?: 'All' | 'One';
  webhookTimeoutSeconds?: number;
  [key: string]: unknown;
}

export interface KyvernoPolicy {
  apiVersion: string;
  kind: 'ClusterPolicy' | 'Policy';
  metadata: ObjectMeta;
  spec: PolicySpec;
}

export interface PolicyExceptionSpec {
  exceptions: Array<{ policyName: string; ruleNames: string[] }>;
  match: MatchResources;
  conditions?: Conditions;
  background?: boolean;
  podSecurity?: unknown[];
}

export interface PolicyException {
  apiVersion: string;
  kind: 'PolicyException';
  metadata: ObjectMeta;
  spec: PolicyExceptionSpec;
}
