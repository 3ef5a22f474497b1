/** PolicyException, kyverno.io/v2 and v2beta1 (api/kyverno/v2 policy_exception_types.go). */
import { bool, closed, kubernetesObject, listOf, looseList, ref, str, strList } from './common.js';
import type { JsonSchema } from './common.js';
import { conditions } from './kyverno-context.js';
import { KYVERNO_DEFINITIONS } from './kyverno-definitions.js';

const spec = closed(
  {
    background: bool,
    match: ref('matchResources'),
    conditions,
    exceptions: listOf(closed({ policyName: str, ruleNames: strList }, ['policyName', 'ruleNames'])),
    podSecurity: looseList,
  },
  ['exceptions', 'match'],
);

export const policyExceptionSchema: JsonSchema = { ...kubernetesObject(spec), definitions: KYVERNO_DEFINITIONS };
