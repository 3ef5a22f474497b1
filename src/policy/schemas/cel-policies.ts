/**
 * Kyverno's CEL policy types (policies.kyverno.io v1alpha1..v1): ValidatingPolicy, MutatingPolicy,
 * GeneratingPolicy, DeletingPolicy, ImageValidatingPolicy and their Namespaced twins, and the CEL
 * PolicyException. Lighter schemas: the spec is open (these APIs still move between versions), but the
 * fields every version shares are typed, so a list written as a map is still caught.
 */
import { closed, kubernetesObject, listOf, looseList, looseObject, oneOfStrings, str } from './common.js';
import type { JsonSchema } from './common.js';

const variable = closed({ name: str, expression: str }, ['name', 'expression']);
const matchCondition = closed({ name: str, expression: str }, ['name', 'expression']);

const commonSpec = {
  matchConstraints: looseObject,
  matchConditions: listOf(matchCondition),
  variables: listOf(variable),
  failurePolicy: oneOfStrings('Ignore', 'Fail'),
  evaluation: looseObject,
  webhookConfiguration: looseObject,
  autogen: looseObject,
};

function celPolicy(specific: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return kubernetesObject({ type: 'object', properties: { ...commonSpec, ...specific }, required });
}

const validationActions = listOf(oneOfStrings('Deny', 'Audit', 'Warn'));

export const validatingPolicySchema = celPolicy({
  validationActions,
  validations: listOf({ type: 'object', required: ['expression'], properties: { expression: str, message: str } }),
  auditAnnotations: looseList,
});
export const mutatingPolicySchema = celPolicy({ mutations: looseList, reinvocationPolicy: str }, ['mutations']);
export const generatingPolicySchema = celPolicy({ generate: looseList }, ['generate']);
export const deletingPolicySchema = celPolicy({ conditions: looseList, schedule: str }, ['schedule']);
export const imageValidatingPolicySchema = celPolicy({
  validationActions,
  validations: looseList,
  matchImageReferences: looseList,
  attestors: looseList,
  attestations: looseList,
});
export const celPolicyExceptionSchema = celPolicy({ policyRefs: looseList, matchConditions: looseList });
