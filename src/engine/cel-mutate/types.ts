/**
 * Compiled shapes of the CEL mutation kinds: Kyverno MutatingPolicy (policies.kyverno.io v1alpha1,
 * v1beta1, v1) and Kubernetes MutatingAdmissionPolicy + Binding (admissionregistration.k8s.io
 * v1alpha1, v1beta1). Field names follow k8s.io/api/admissionregistration/v1beta1/types.go.
 */
import type { JsonObject } from '../policy-types.js';
import type { JsonPatchOp } from '../patch/index.js';
import type { RuleResult } from '../result.js';
import type { CompiledCelBody, CompiledExpr, FailurePolicy, MatchResourcesSpec, ParamKind, ParamRef } from './reuse.js';

export type MutatingPolicyKind = 'MutatingPolicy' | 'MutatingAdmissionPolicy';
export type PatchType = 'ApplyConfiguration' | 'JSONPatch';

export interface CompiledMutation {
  patchType: PatchType;
  expr: CompiledExpr;
}

/** matchConditions and variables (validations/auditAnnotations stay empty) plus the mutations. */
export interface CompiledMutatingBody {
  body: CompiledCelBody;
  mutations: CompiledMutation[];
}

export interface CompiledMutatingAutogen extends CompiledMutatingBody {
  /** 'defaults' (Deployment, DaemonSet, ...) or 'cronjobs'. */
  config: string;
  kinds: string[];
  matchConstraints: MatchResourcesSpec;
}

export interface CompiledMutatingPolicy extends CompiledMutatingBody {
  kind: MutatingPolicyKind;
  name: string;
  failurePolicy: FailurePolicy;
  matchConstraints?: MatchResourcesSpec;
  paramKind?: ParamKind;
  /** IfNeeded re-runs the policy once when a later mutation changed the object (API server only). */
  reinvocationPolicy: 'Never' | 'IfNeeded';
  autogen: CompiledMutatingAutogen[];
  admission: boolean;
  background: boolean;
}

export interface CompiledMutatingBinding {
  name: string;
  policyName: string;
  paramRef?: ParamRef;
  matchResources?: MatchResourcesSpec;
}

export interface MutateOutcome {
  results: RuleResult[];
  /** The mutated object, or undefined when the policy did not apply or changed nothing. */
  patched: JsonObject | undefined;
  /** RFC 6902 operations from the input object to `patched` (empty when unchanged). */
  patches: JsonPatchOp[];
}
