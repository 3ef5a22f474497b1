/**
 * Kubernetes ValidatingAdmissionPolicy/Binding and MutatingAdmissionPolicy/Binding
 * (admissionregistration.k8s.io, https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/).
 * The spec's top level is closed, as the API server's strict field validation is; nested parts are open.
 */
import { closed, kubernetesObject, listOf, looseObject, namedExpression, oneOfStrings, str } from './common.js';
import type { JsonSchema } from './common.js';

const failurePolicy = oneOfStrings('Ignore', 'Fail');
const paramKind = closed({ apiVersion: str, kind: str });
const paramRef = looseObject;

export const validatingAdmissionPolicySchema: JsonSchema = kubernetesObject(
  closed({
    failurePolicy,
    paramKind,
    matchConstraints: looseObject,
    validations: listOf(
      closed({ expression: str, message: str, messageExpression: str, reason: str }, ['expression']),
    ),
    auditAnnotations: listOf(closed({ key: str, valueExpression: str }, ['key', 'valueExpression'])),
    matchConditions: listOf(namedExpression),
    variables: listOf(namedExpression),
  }),
);

export const validatingAdmissionPolicyBindingSchema: JsonSchema = kubernetesObject(
  closed(
    {
      policyName: str,
      paramRef,
      matchResources: looseObject,
      validationActions: listOf(oneOfStrings('Deny', 'Warn', 'Audit')),
    },
    ['policyName'],
  ),
);

export const mutatingAdmissionPolicySchema: JsonSchema = kubernetesObject(
  closed(
    {
      failurePolicy,
      paramKind,
      matchConstraints: looseObject,
      variables: listOf(namedExpression),
      mutations: listOf(
        closed(
          {
            patchType: oneOfStrings('ApplyConfiguration', 'JSONPatch'),
            applyConfiguration: closed({ expression: str }, ['expression']),
            jsonPatch: closed({ expression: str }, ['expression']),
          },
          ['patchType'],
        ),
      ),
      matchConditions: listOf(namedExpression),
      reinvocationPolicy: oneOfStrings('Never', 'IfNeeded'),
    },
    ['mutations'],
  ),
);

export const mutatingAdmissionPolicyBindingSchema: JsonSchema = kubernetesObject(
  closed({ policyName: str, paramRef, matchResources: looseObject }, ['policyName']),
);
