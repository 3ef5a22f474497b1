/**
 * How strategic merge treats a list, by field path. Built-in Kubernetes types declare it in their Go tags
 * (`patchStrategy:"merge" patchMergeKey:"name"`, published as x-kubernetes-patch-strategy/-merge-key and
 * x-kubernetes-list-map-keys in the OpenAPI schema, k8s.io/api/core/v1/types.go). Lists without such a tag
 * (tolerations, args, command, nodeSelectorTerms...) and lists of custom resources (no schema) are replaced.
 *
 * Paths are field names joined by `.`, with `[]` after a list whose element is entered, e.g.
 * `spec.template.spec.containers[].env`. Entries match by suffix on whole segments.
 */

export type ListStrategy =
  /** Associative list: elements are paired by the values of these keys (first = patchMergeKey). */
  | { type: 'merge'; keys: readonly string[] }
  /** A set of scalars (metadata.finalizers): union of both lists. */
  | { type: 'mergePrimitive' }
  /** Atomic: the patch list replaces the original. */
  | { type: 'replace' };

export type ListHints = (path: string) => ListStrategy | undefined;

const byName = { type: 'merge', keys: ['name'] } as const;

const CONTAINER_LISTS: Record<string, ListStrategy> = {
  env: byName,
  ports: { type: 'merge', keys: ['containerPort', 'protocol'] },
  volumeMounts: { type: 'merge', keys: ['mountPath'] },
  volumeDevices: { type: 'merge', keys: ['devicePath'] },
};

/** PodSpec lists (core/v1 PodSpec) — they sit under `spec` of a Pod or of a pod template. */
const POD_SPEC_LISTS: Record<string, ListStrategy> = {
  containers: byName,
  initContainers: byName,
  ephemeralContainers: byName,
  volumes: byName,
  imagePullSecrets: byName,
  hostAliases: { type: 'merge', keys: ['ip'] },
  topologySpreadConstraints: { type: 'merge', keys: ['topologyKey', 'whenUnsatisfiable'] },
  resourceClaims: byName,
  schedulingGates: byName,
  tolerations: { type: 'replace' },
};

/** Suffix table; checked in order, the first match wins. */
export const BUILTIN_LIST_HINTS: ReadonlyArray<readonly [suffix: string, strategy: ListStrategy]> = [
  ...['containers', 'initContainers', 'ephemeralContainers'].flatMap((c) =>
    Object.entries(CONTAINER_LISTS).map(([f, s]) => [`${c}[].${f}`, s] as const),
  ),
  ...Object.entries(POD_SPEC_LISTS).map(([f, s]) => [`spec.${f}`, s] as const),
  ['metadata.finalizers', { type: 'mergePrimitive' }],
  ['metadata.ownerReferences', { type: 'merge', keys: ['uid'] }],
  ['status.conditions', { type: 'merge', keys: ['type'] }],
];

/** Service.spec.ports and ServiceAccount.secrets are keyed differently from the PodSpec fields. */
const KIND_LIST_HINTS: Record<string, ReadonlyArray<readonly [string, ListStrategy]>> = {
  Service: [['spec.ports', { type: 'merge', keys: ['port', 'protocol'] }]],
  ServiceAccount: [['secrets', byName]],
};

/** API groups whose schemas are compiled into Kubernetes (and into kustomize's kyaml, which Kyverno uses). */
const BUILTIN_GROUPS = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'extensions', 'networking.k8s.io', 'rbac.authorization.k8s.io',
  'storage.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'node.k8s.io',
  'certificates.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'events.k8s.io',
]);

export function isBuiltinApiVersion(apiVersion: unknown): boolean {
  if (typeof apiVersion !== 'string' || apiVersion === '') return false;
  const slash = apiVersion.indexOf('/');
  return BUILTIN_GROUPS.has(slash < 0 ? '' : apiVersion.slice(0, slash));
}

function matchSuffix(path: string, table: ReadonlyArray<readonly [string, ListStrategy]>): ListStrategy | undefined {
  for (const [suffix, strategy] of table) {
    if (path === suffix || path.endsWith('.' + suffix)) return strategy;
  }
  return undefined;
}

/**
 * The list hints for a resource: built-in kinds get the Kubernetes table, anything else (custom resources)
 * none, so their lists are replaced, as with a schema-less kyaml merge.
 */
export function listHintsFor(resource: unknown): ListHints {
  const r = resource as { apiVersion?: unknown; kind?: unknown } | null;
  if (!r || !isBuiltinApiVersion(r.apiVersion)) return () => undefined;
  const extra = KIND_LIST_HINTS[String(r.kind)] ?? [];
  return (path) => matchSuffix(path, extra) ?? matchSuffix(path, BUILTIN_LIST_HINTS);
}
