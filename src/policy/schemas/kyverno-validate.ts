/** The validate block (api/kyverno/v1 common_types.go Validation, ForEachValidation, PodSecurity, CEL). */
import { anyValue, bool, closed, listOf, looseObject, oneOfStrings, ref, str, strList } from './common.js';
import type { JsonSchema } from './common.js';
import { conditions, contextList } from './kyverno-context.js';

const failureAction = oneOfStrings('Audit', 'Enforce');
const deny = closed({ conditions });

const forEachValidation: JsonSchema = closed(
  {
    list: str,
    elementScope: bool,
    context: contextList,
    preconditions: conditions,
    pattern: anyValue,
    anyPattern: { type: 'array' },
    deny,
    // Nested foreach is stored as raw JSON by Kyverno; we still check it with the same schema.
    foreach: listOf({ $ref: '#/definitions/forEachValidation' }),
  },
  ['list'],
);

const podSecurity = closed({
  level: oneOfStrings('privileged', 'baseline', 'restricted'),
  version: str,
  exclude: listOf(closed({ controlName: str, images: strList, restrictedField: str, values: strList }, ['controlName'])),
});

const cel = closed({
  generate: bool,
  expressions: listOf(
    closed({ expression: str, message: str, messageExpression: str, reason: str }, ['expression']),
  ),
  paramKind: closed({ apiVersion: str, kind: str }),
  paramRef: closed({ name: str, namespace: str, selector: ref('labelSelector'), parameterNotFoundAction: str }),
  auditAnnotations: listOf(closed({ key: str, valueExpression: str }, ['key', 'valueExpression'])),
  variables: listOf(closed({ name: str, expression: str }, ['name', 'expression'])),
});

const validation: JsonSchema = closed({
  message: str,
  failureAction,
  failureActionOverrides: listOf(
    closed({ action: failureAction, namespaces: { type: 'array', items: str }, namespaceSelector: ref('labelSelector') }),
  ),
  allowExistingViolations: bool,
  manifests: looseObject,
  foreach: listOf({ $ref: '#/definitions/forEachValidation' }),
  pattern: anyValue,
  anyPattern: { type: 'array' },
  deny,
  podSecurity,
  cel,
  assert: looseObject,
});

export const validateDefinitions = { forEachValidation, validation };
