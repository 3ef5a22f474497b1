/** Kyverno match/exclude (api/kyverno/v1 match_resources_types.go, resource_description_types.go). */
import { closed, labelSelector, listOf, oneOfStrings, ref, str, strList, strMap } from './common.js';
import type { JsonSchema } from './common.js';

const subject = closed({ kind: str, apiGroup: str, name: str, namespace: str }, ['kind', 'name']);

const userInfo = { roles: strList, clusterRoles: strList, subjects: listOf(subject) };

/** Admission operations a rule may match (admissionregistration/v1 OperationType, minus '*'). */
const operation = oneOfStrings('CREATE', 'CONNECT', 'UPDATE', 'DELETE');

const resourceDescription = closed({
  kinds: strList,
  name: str,
  names: strList,
  namespaces: strList,
  annotations: strMap,
  selector: ref('labelSelector'),
  namespaceSelector: ref('labelSelector'),
  operations: listOf(operation),
});

/** `match`/`exclude`: any/all filters, or the older inline resources + user info. */
const matchResources: JsonSchema = closed({
  any: listOf(ref('resourceFilter')),
  all: listOf(ref('resourceFilter')),
  ...userInfo,
  resources: ref('resourceDescription'),
});

export const matchDefinitions = {
  labelSelector,
  resourceDescription,
  resourceFilter: closed({ ...userInfo, resources: ref('resourceDescription') }),
  matchResources,
};
