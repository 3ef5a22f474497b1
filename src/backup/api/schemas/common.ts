/**
 * Schema pieces shared by the backup kinds. Every schema is structural (a `type` on every node, no $ref)
 * so the same object becomes the CRD's openAPIV3Schema
 * (https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema);
 * `additionalProperties: false` is ours for local files and is dropped from CRDs, where pruning does that job.
 */
export type JsonSchema = Record<string, unknown>;

export const strictObject = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
});

export const str = (extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...extra });
export const int = (minimum: number, maximum?: number): JsonSchema => ({
  type: 'integer',
  minimum,
  ...(maximum === undefined ? {} : { maximum }),
});
export const intList = (minimum: number, maximum: number): JsonSchema => ({ type: 'array', items: int(minimum, maximum) });
export const strList: JsonSchema = { type: 'array', items: { type: 'string' } };

/** Go time.ParseDuration syntax (e.g. 720h, 1h30m); semantic checks parse it exactly. */
export const goDuration = str({ pattern: '^([0-9]+(\\.[0-9]*)?(ns|us|µs|ms|s|m|h))+$' });

/** RFC 1123 DNS subdomain, the rule for object names. */
const DNS_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';

export const objectRef = strictObject({ name: str({ pattern: DNS_SUBDOMAIN }), namespace: str() }, ['name']);

export const metadata: JsonSchema = {
  type: 'object',
  properties: {
    name: str({ pattern: DNS_SUBDOMAIN, maxLength: 253 }),
    namespace: str(),
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
  required: ['name'],
};

export const labelSelector = strictObject({
  matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
  matchExpressions: {
    type: 'array',
    items: strictObject(
      { key: str(), operator: str({ enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }), values: strList },
      ['key', 'operator'],
    ),
  },
});

export const retention = strictObject({
  hourly: int(0),
  daily: int(0),
  weekly: int(0),
  monthly: int(0),
  yearly: int(0),
  minKeep: int(0),
});

export function topLevel(kind: string, spec: JsonSchema, status: JsonSchema): JsonSchema {
  return strictObject(
    { apiVersion: str({ const: 'backup.guardrail.dev/v1alpha1' }), kind: str({ const: kind }), metadata, spec, status },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  );
}
