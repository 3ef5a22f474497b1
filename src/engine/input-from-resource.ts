/**
 * Turns a resource read from a file (CLI) or listed from the cluster (background scan) into the
 * AdmissionInput the engine evaluates: a CREATE by default, or the given operation.
 */
import type { JsonObject } from './policy-types.js';
import type { AdmissionInput, GroupVersionKind, Operation, RequestUserInfo } from './request.js';

export function gvkOf(resource: JsonObject): GroupVersionKind {
  const apiVersion = String(resource.apiVersion ?? '');
  const slash = apiVersion.indexOf('/');
  return {
    group: slash === -1 ? '' : apiVersion.slice(0, slash),
    version: slash === -1 ? apiVersion : apiVersion.slice(slash + 1),
    kind: String(resource.kind ?? ''),
  };
}

export interface ResourceInputOptions {
  operation?: Operation;
  oldObject?: JsonObject | null;
  userInfo?: RequestUserInfo;
  roles?: string[];
  clusterRoles?: string[];
  namespaceLabels?: Record<string, string>;
  subResource?: string;
}

export function inputFromResource(resource: JsonObject, opts: ResourceInputOptions = {}): AdmissionInput {
  const meta = (resource.metadata ?? {}) as JsonObject;
  const operation = opts.operation ?? 'CREATE';
  const input: AdmissionInput = {
    operation,
    object: operation === 'DELETE' ? null : resource,
    oldObject: operation === 'DELETE' ? resource : (opts.oldObject ?? null),
    kind: gvkOf(resource),
    userInfo: opts.userInfo ?? {},
    roles: opts.roles ?? [],
    clusterRoles: opts.clusterRoles ?? [],
  };
  if (typeof meta.namespace === 'string') input.namespace = meta.namespace;
  if (typeof meta.name === 'string') input.name = meta.name;
  if (opts.namespaceLabels) input.namespaceLabels = opts.namespaceLabels;
  if (opts.subResource) input.subResource = opts.subResource;
  return input;
}
