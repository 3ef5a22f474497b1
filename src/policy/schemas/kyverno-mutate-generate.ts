/** mutate and generate blocks (api/kyverno/v1 common_types.go Mutation, Generation, TargetResourceSpec). */
import { anyValue, bool, closed, listOf, oneOfStrings, ref, str, strList } from './common.js';
import type { JsonSchema } from './common.js';
import { conditions, contextList } from './kyverno-context.js';

const targetResource = closed({
  apiVersion: str,
  kind: str,
  namespace: str,
  name: str,
  uid: str,
  selector: ref('labelSelector'),
  context: contextList,
  preconditions: conditions,
});

const forEachMutation: JsonSchema = closed(
  {
    list: str,
    order: oneOfStrings('Ascending', 'Descending'),
    context: contextList,
    preconditions: conditions,
    patchStrategicMerge: anyValue,
    patchesJson6902: str,
    foreach: listOf({ $ref: '#/definitions/forEachMutation' }),
  },
  ['list'],
);

const mutation: JsonSchema = closed({
  mutateExistingOnPolicyUpdate: bool,
  targets: listOf(targetResource),
  patchStrategicMerge: anyValue,
  patchesJson6902: str,
  foreach: listOf({ $ref: '#/definitions/forEachMutation' }),
});

/** What a generate rule (or one of its foreach entries) produces. */
const generateTarget = {
  apiVersion: str,
  kind: str,
  name: str,
  namespace: str,
  uid: str,
  data: anyValue,
  clone: closed({ namespace: str, name: str }),
  cloneList: closed({ namespace: str, kinds: strList, selector: ref('labelSelector') }),
};

const generation: JsonSchema = closed({
  generateExisting: bool,
  synchronize: bool,
  orphanDownstreamOnPolicyDelete: bool,
  ...generateTarget,
  foreach: listOf(closed({ list: str, context: contextList, preconditions: conditions, ...generateTarget })),
});

export const mutateGenerateDefinitions = { forEachMutation, mutation, generation };
