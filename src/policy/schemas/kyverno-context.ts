/** Rule context entries and conditions (api/kyverno/v1 common_types.go). */
import { anyValue, bool, closed, listOf, oneOfStrings, ref, str, strList } from './common.js';
import type { JsonSchema } from './common.js';

const apiCall = closed({
  urlPath: str,
  method: oneOfStrings('GET', 'POST'),
  data: listOf(closed({ key: str, value: anyValue }, ['key', 'value'])),
  service: closed(
    { url: str, caBundle: str, headers: listOf(closed({ key: str, value: str }, ['key', 'value'])) },
    ['url'],
  ),
  jmesPath: str,
  default: anyValue,
});

const imageRegistryCredentials = closed({ allowInsecureRegistry: bool, providers: strList, secrets: strList });

const contextEntry: JsonSchema = closed(
  {
    name: str,
    configMap: closed({ name: str, namespace: str }, ['name']),
    apiCall,
    imageRegistry: closed({ reference: str, jmesPath: str, imageRegistryCredentials }, ['reference']),
    variable: closed({ value: anyValue, jmesPath: str, default: anyValue }),
    globalReference: closed({ name: str, jmesPath: str }, ['name']),
  },
  ['name'],
);

export const contextList = listOf(ref('contextEntry'));

/**
 * One condition. The operator list is checked by the engine's condition validator (it also knows the
 * deprecated aliases), so here it is only a string.
 */
const condition = closed({ key: anyValue, operator: str, value: anyValue, message: str }, ['operator']);

/** Preconditions / deny conditions: {any, all}, or (deprecated) a plain list meaning all. */
const conditionsDefinition: JsonSchema = {
  if: { type: 'array' },
  then: listOf(ref('condition')),
  else: closed({ any: listOf(ref('condition')), all: listOf(ref('condition')) }),
};

export const conditions = ref('conditions');

export const contextDefinitions = { contextEntry, condition, conditions: conditionsDefinition };

export const celPrecondition = closed({ name: str, expression: str }, ['name', 'expression']);
