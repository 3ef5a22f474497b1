/**
 * Turns a resource of a test or `guardrail apply` run into the admission request the Kyverno CLI would
 * build: the operation from values (`request.operation`), `request.object.*` values applied to the
 * object itself (so matching sees them), UPDATE without an old object compares the object with itself,
 * subresources declared in the values file, namespace labels, and the user info file.
 */
import { inputFromResource, type AdmissionInput, type JsonObject, type Operation } from '../engine/index.js';
import { gvkOf } from '../engine/input-from-resource.js';
import { setDottedPath } from '../engine/context/index.js';
import { kindToResource } from '../engine/cel-policies/index.js';
import type { TestValues } from './values.js';

const OBJECT_PREFIX = 'request.object.';

/** `operation` overrides the values' `request.operation` (a test result's `operation` field). */
export function buildResourceInput(
  resource: JsonObject,
  values: TestValues,
  userInfoDoc: JsonObject,
  policies: readonly string[],
  opts: { operation?: Operation } = {},
): AdmissionInput {
  const meta = (resource.metadata ?? {}) as JsonObject;
  const name = String(meta.name ?? '');
  let operation: string | undefined;
  let object = resource;
  for (const p of policies) {
    const vals = values.forResource(p, name);
    operation ??= typeof vals['request.operation'] === 'string' ? vals['request.operation'] : undefined;
    for (const [k, v] of Object.entries(vals)) {
      if (k.startsWith(OBJECT_PREFIX)) object = setDottedPath({ o: object }, `o.${k.slice(OBJECT_PREFIX.length)}`, v).o as JsonObject;
    }
  }
  const op = opts.operation ?? (operation?.toUpperCase() as Operation | undefined) ?? 'CREATE';
  if (meta.namespace === undefined && kindToResource(String(resource.kind ?? ''), gvkOf(resource).group).namespaced === true) {
    object = { ...object, metadata: { ...((object.metadata ?? {}) as JsonObject), namespace: 'default' } };
  }
  const ns = typeof meta.namespace === 'string' ? meta.namespace : undefined;
  const labels = ns ? values.namespaceLabels?.(ns) : resource.kind === 'Namespace' ? values.namespaceLabels?.(name) : undefined;
  const input = inputFromResource(object, {
    operation: op,
    ...(op === 'UPDATE' ? { oldObject: object } : {}),
    userInfo: (userInfoDoc.userInfo as JsonObject | undefined) ?? {},
    roles: (userInfoDoc.roles as string[] | undefined) ?? [],
    clusterRoles: (userInfoDoc.clusterRoles as string[] | undefined) ?? [],
    ...(labels ? { namespaceLabels: labels } : {}),
  });
  const gvk = gvkOf(resource);
  const sub = values.subresourceFor(gvk.group, gvk.version, gvk.kind);
  if (sub) {
    input.subResource = sub.subresource;
    input.resource = { group: sub.parent.group, version: sub.parent.version, resource: sub.parent.resource };
  }
  return input;
}
