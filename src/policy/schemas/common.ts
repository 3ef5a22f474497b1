/**
 * JSON Schema building blocks shared by the policy schemas. Written by hand from the Kubernetes and
 * Kyverno API types (apimachinery meta/v1, kyverno api/kyverno/v1); "any" marks fields Kyverno stores as
 * raw JSON (x-kubernetes-preserve-unknown-fields), whose shape the engine checks instead.
 */
export type JsonSchema = Record<string, unknown>;

export const anyValue: JsonSchema = {};
export const str: JsonSchema = { type: 'string' };
export const bool: JsonSchema = { type: 'boolean' };
export const int: JsonSchema = { type: 'integer' };
export const strList: JsonSchema = { type: 'array', items: str };
export const strMap: JsonSchema = { type: 'object', additionalProperties: str };
export const looseObject: JsonSchema = { type: 'object' };
export const looseList: JsonSchema = { type: 'array' };

/**
 * A reference into the shared definitions (kyverno-definitions.ts). Shared parts are referenced, not
 * inlined, so ajv compiles each once: inlined, the ClusterPolicy validator was ~460 KB of code and took
 * about a second to compile.
 */
export function ref(name: string): JsonSchema {
  return { $ref: `#/definitions/${name}` };
}

/** A closed object: unknown fields are errors, as with kubectl's strict field validation. */
export function closed(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', properties, additionalProperties: false, ...(required.length ? { required } : {}) };
}

export function listOf(items: JsonSchema): JsonSchema {
  return { type: 'array', items };
}

export function oneOfStrings(...values: string[]): JsonSchema {
  return { type: 'string', enum: values };
}

/** meta/v1 LabelSelector. */
export const labelSelector = closed({
  matchLabels: strMap,
  matchExpressions: listOf(
    closed({ key: str, operator: oneOfStrings('In', 'NotIn', 'Exists', 'DoesNotExist'), values: strList }, [
      'key',
      'operator',
    ]),
  ),
});

/** ObjectMeta: only what a manifest author writes is typed; server-set fields pass. */
export const objectMeta: JsonSchema = {
  type: 'object',
  properties: { name: str, namespace: str, labels: strMap, annotations: strMap, generateName: str },
};

/** A top-level Kubernetes object whose spec is given; `status` (from `kubectl get -o yaml`) is ignored. */
export function kubernetesObject(spec: JsonSchema, specRequired = true): JsonSchema {
  return closed(
    { apiVersion: str, kind: str, metadata: objectMeta, spec, status: anyValue },
    specRequired ? ['apiVersion', 'kind', 'metadata', 'spec'] : ['apiVersion', 'kind', 'metadata'],
  );
}

/** admissionregistration NamedRuleWithOperations, used by matchConstraints. */
export const namedExpression = closed({ name: str, expression: str }, ['name', 'expression']);
