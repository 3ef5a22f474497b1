/**
 * Shapes shared by the CEL policy kinds: Kyverno ValidatingPolicy (policies.kyverno.io), Kubernetes
 * ValidatingAdmissionPolicy + Binding (admissionregistration.k8s.io/v1) and ClusterPolicy `validate.cel`.
 * Field names follow the Kubernetes API (k8s.io/api/admissionregistration/v1/types.go).
 */
import type { CelIssueCode, CelProgram } from '../cel/index.js';
import type { RuleResult } from '../result.js';
import type { LabelSelector } from '../policy-types.js';

export type ValidationAction = 'Deny' | 'Warn' | 'Audit';
export type FailurePolicy = 'Fail' | 'Ignore';
export type CelPolicyKind = 'ValidatingPolicy' | 'NamespacedValidatingPolicy' | 'ValidatingAdmissionPolicy';

/** admissionregistration/v1 NamedRuleWithOperations. */
export interface ResourceRule {
  apiGroups?: string[];
  apiVersions?: string[];
  resources?: string[];
  operations?: string[];
  scope?: 'Cluster' | 'Namespaced' | '*';
  resourceNames?: string[];
}

/** admissionregistration/v1 MatchResources (policy matchConstraints and binding matchResources). */
export interface MatchResourcesSpec {
  namespaceSelector?: LabelSelector;
  objectSelector?: LabelSelector;
  resourceRules?: ResourceRule[];
  excludeResourceRules?: ResourceRule[];
  matchPolicy?: 'Exact' | 'Equivalent';
}

export interface ParamKind {
  apiVersion?: string;
  kind?: string;
}

/** admissionregistration/v1 ParamRef. */
export interface ParamRef {
  name?: string;
  namespace?: string;
  selector?: LabelSelector;
  parameterNotFoundAction?: 'Allow' | 'Deny';
}

/** What the caller's param lookup receives: paramKind plus the resolved paramRef. */
export interface ParamQuery {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  selector?: LabelSelector;
}

/** Returns the param objects found for a query (empty when none); the caller reads files or the cluster. */
export type ParamLookup = (query: ParamQuery) => unknown[];

/** One compiled CEL expression and the JSON pointer of its source field. */
export interface CompiledExpr {
  program: CelProgram;
  pointer: string;
  /** `variables.<name>` references found in the expression (for lazy variable evaluation). */
  refs: readonly string[];
}

export interface CompiledValidation {
  expr: CompiledExpr;
  message?: string;
  messageExpression?: CompiledExpr;
  /** Kubernetes StatusReason for a denial: Unauthorized, Forbidden, Invalid (default), RequestEntityTooLarge. */
  reason?: string;
}

/**
 * Message and result conventions differ between Kubernetes (VAP, validate.cel use the apiserver
 * validator) and Kyverno's own ValidatingPolicy engine (pkg/cel/policies/vpol/compiler/policy.go).
 */
export type CelDialect = 'kubernetes' | 'kyverno';

/** The CEL body every kind shares: matchConditions, variables, validations, auditAnnotations. */
export interface CompiledCelBody {
  matchConditions: Array<{ name: string; expr: CompiledExpr }>;
  variables: Array<{ name: string; expr: CompiledExpr }>;
  validations: CompiledValidation[];
  auditAnnotations: Array<{ key: string; expr: CompiledExpr }>;
  failurePolicy: FailurePolicy;
  dialect: CelDialect;
}

/** A pod-controller copy of a pod policy (Kyverno autogen). */
export interface CompiledAutogen {
  /** 'defaults' (Deployment, DaemonSet, ...) or 'cronjobs', Kyverno's replacement sets. */
  config: string;
  kinds: string[];
  matchConstraints: MatchResourcesSpec;
  body: CompiledCelBody;
}

export interface CompiledCelPolicy {
  kind: CelPolicyKind;
  name: string;
  namespace?: string;
  body: CompiledCelBody;
  failurePolicy: FailurePolicy;
  matchConstraints?: MatchResourcesSpec;
  /** ValidatingPolicy: spec.validationActions (default [Deny]); VAP: [] (bindings decide). */
  validationActions: ValidationAction[];
  /** ValidatingPolicy `evaluation.mode`: JSON payloads skip matching and only see `object`. */
  mode: 'Kubernetes' | 'JSON';
  paramKind?: ParamKind;
  autogen: CompiledAutogen[];
  admission: boolean;
  background: boolean;
}

export interface CompiledBinding {
  name: string;
  policyName: string;
  paramRef?: ParamRef;
  matchResources?: MatchResourcesSpec;
  validationActions: ValidationAction[];
}

/** A compiled policies.kyverno.io PolicyException (CEL matchConditions). */
export interface CompiledCelException {
  name: string;
  namespace?: string;
  policyRefs: Array<{ name: string; kind?: string }>;
  matchConditions: Array<{ name: string; expr: CompiledExpr }>;
  /** 'pass' reports the excepted resource as pass instead of skip. */
  reportResult?: string;
  /** Values the policy may consult through `exceptions.allowedImages` / `exceptions.allowedValues`. */
  images: string[];
  allowedValues: string[];
}

/** A RuleResult with the CEL-specific facts the admission and report layers need. */
export interface CelRuleResult extends RuleResult {
  validationActions?: ValidationAction[];
  failurePolicy?: FailurePolicy;
  binding?: string;
  /** Kubernetes StatusReason of a failed validation (Invalid unless the validation sets one). */
  denyReason?: string;
  /** Index of the failing or erroring validation. */
  validationIndex?: number;
  auditAnnotations?: Record<string, string>;
}

export type { CelIssueCode };
