/**
 * The policy types Guardrail validates: one entry per group/kind with the versions it accepts and its
 * schema. Adding a type is one entry here (and a test).
 */
import {
  mutatingAdmissionPolicyBindingSchema,
  mutatingAdmissionPolicySchema,
  validatingAdmissionPolicyBindingSchema,
  validatingAdmissionPolicySchema,
} from './admission-policies.js';
import {
  celPolicyExceptionSchema,
  deletingPolicySchema,
  generatingPolicySchema,
  imageValidatingPolicySchema,
  mutatingPolicySchema,
  validatingPolicySchema,
} from './cel-policies.js';
import type { JsonSchema } from './common.js';
import { kyvernoPolicySchema } from './kyverno-policy.js';
import { policyExceptionSchema } from './policy-exception.js';

/** kyverno: rule-based policies (semantic checks apply); exception: PolicyException; cel/admission: CEL. */
export type PolicyFamily = 'kyverno' | 'exception' | 'cel' | 'admission';

export interface PolicyKind {
  group: string;
  kind: string;
  versions: readonly string[];
  family: PolicyFamily;
  schema: JsonSchema;
}

const KYVERNO = 'kyverno.io';
const CEL = 'policies.kyverno.io';
const ADMISSION = 'admissionregistration.k8s.io';
const CEL_VERSIONS = ['v1alpha1', 'v1beta1', 'v1'];
const ADMISSION_VERSIONS = ['v1alpha1', 'v1beta1', 'v1'];

function entry(group: string, kind: string, versions: string[], family: PolicyFamily, schema: JsonSchema) {
  return { group, kind, versions, family, schema } satisfies PolicyKind;
}

export const POLICY_KINDS = {
  'kyverno.io/ClusterPolicy': entry(KYVERNO, 'ClusterPolicy', ['v1', 'v2beta1'], 'kyverno', kyvernoPolicySchema),
  'kyverno.io/Policy': entry(KYVERNO, 'Policy', ['v1', 'v2beta1'], 'kyverno', kyvernoPolicySchema),
  'kyverno.io/PolicyException': entry(KYVERNO, 'PolicyException', ['v2', 'v2beta1'], 'exception', policyExceptionSchema),
  'policies.kyverno.io/ValidatingPolicy': entry(CEL, 'ValidatingPolicy', CEL_VERSIONS, 'cel', validatingPolicySchema),
  'policies.kyverno.io/NamespacedValidatingPolicy': entry(CEL, 'NamespacedValidatingPolicy', CEL_VERSIONS, 'cel', validatingPolicySchema),
  'policies.kyverno.io/MutatingPolicy': entry(CEL, 'MutatingPolicy', CEL_VERSIONS, 'cel', mutatingPolicySchema),
  'policies.kyverno.io/NamespacedMutatingPolicy': entry(CEL, 'NamespacedMutatingPolicy', CEL_VERSIONS, 'cel', mutatingPolicySchema),
  'policies.kyverno.io/GeneratingPolicy': entry(CEL, 'GeneratingPolicy', CEL_VERSIONS, 'cel', generatingPolicySchema),
  'policies.kyverno.io/NamespacedGeneratingPolicy': entry(CEL, 'NamespacedGeneratingPolicy', CEL_VERSIONS, 'cel', generatingPolicySchema),
  'policies.kyverno.io/DeletingPolicy': entry(CEL, 'DeletingPolicy', CEL_VERSIONS, 'cel', deletingPolicySchema),
  'policies.kyverno.io/NamespacedDeletingPolicy': entry(CEL, 'NamespacedDeletingPolicy', CEL_VERSIONS, 'cel', deletingPolicySchema),
  'policies.kyverno.io/ImageValidatingPolicy': entry(CEL, 'ImageValidatingPolicy', CEL_VERSIONS, 'cel', imageValidatingPolicySchema),
  'policies.kyverno.io/NamespacedImageValidatingPolicy': entry(CEL, 'NamespacedImageValidatingPolicy', CEL_VERSIONS, 'cel', imageValidatingPolicySchema),
  'policies.kyverno.io/PolicyException': entry(CEL, 'PolicyException', CEL_VERSIONS, 'exception', celPolicyExceptionSchema),
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy': entry(ADMISSION, 'ValidatingAdmissionPolicy', ADMISSION_VERSIONS, 'admission', validatingAdmissionPolicySchema),
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding': entry(ADMISSION, 'ValidatingAdmissionPolicyBinding', ADMISSION_VERSIONS, 'admission', validatingAdmissionPolicyBindingSchema),
  'admissionregistration.k8s.io/MutatingAdmissionPolicy': entry(ADMISSION, 'MutatingAdmissionPolicy', ADMISSION_VERSIONS, 'admission', mutatingAdmissionPolicySchema),
  'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding': entry(ADMISSION, 'MutatingAdmissionPolicyBinding', ADMISSION_VERSIONS, 'admission', mutatingAdmissionPolicyBindingSchema),
} satisfies Record<string, PolicyKind>;

export type PolicyKindKey = keyof typeof POLICY_KINDS;

/** Groups whose documents are policies; anything else in a policy input is not a policy at all. */
export const POLICY_GROUPS: ReadonlySet<string> = new Set([KYVERNO, CEL, ADMISSION]);

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function findPolicyKind(group: string, kind: string): PolicyKind | undefined {
  return (POLICY_KINDS as Record<string, PolicyKind>)[`${group}/${kind}`];
}
