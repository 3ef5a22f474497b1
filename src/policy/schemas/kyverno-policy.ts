/** ClusterPolicy / Policy, kyverno.io/v1 and v2beta1 (api/kyverno/v1 spec_types.go). */
import { bool, closed, kubernetesObject, listOf, namedExpression, oneOfStrings, ref, str } from './common.js';
import type { JsonSchema } from './common.js';
import { KYVERNO_DEFINITIONS } from './kyverno-definitions.js';

// 'audit'/'enforce' are the deprecated lower-case spellings Kyverno still accepts (spec_types.go).
const failureAction = oneOfStrings('Audit', 'Enforce', 'audit', 'enforce');
const failurePolicy = oneOfStrings('Ignore', 'Fail');
// Kubernetes bounds webhook timeouts to 1..30 s (admissionregistration/v1 ValidatingWebhook.timeoutSeconds).
const timeoutSeconds: JsonSchema = { type: 'integer', minimum: 1, maximum: 30 };

const spec = closed({
  rules: listOf(ref('rule')),
  applyRules: oneOfStrings('All', 'One'),
  failurePolicy,
  validationFailureAction: failureAction,
  validationFailureActionOverrides: listOf(
    closed({ action: failureAction, namespaces: { type: 'array', items: str }, namespaceSelector: ref('labelSelector') }),
  ),
  emitWarning: bool,
  admission: bool,
  background: bool,
  schemaValidation: bool,
  webhookTimeoutSeconds: timeoutSeconds,
  mutateExistingOnPolicyUpdate: bool,
  generateExistingOnPolicyUpdate: bool,
  generateExisting: bool,
  useServerSideApply: bool,
  webhookConfiguration: closed({ failurePolicy, timeoutSeconds, matchConditions: listOf(namedExpression) }),
});

export const kyvernoPolicySchema: JsonSchema = {
  ...kubernetesObject(spec),
  definitions: KYVERNO_DEFINITIONS,
};
