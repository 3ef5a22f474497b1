/**
 * AdmissionRequest -> AdmissionInput for the engine. Roles and cluster roles stay empty in local mode:
 * resolving them needs the cluster's RBAC (cluster mode).
 */
import type { AdmissionInput, JsonObject } from '../engine/index.js';
import type { AdmissionRequest } from './types.js';

export function toAdmissionInput(req: AdmissionRequest): AdmissionInput {
  const input: AdmissionInput = {
    uid: req.uid,
    operation: req.operation,
    object: req.object ?? null,
    oldObject: req.oldObject ?? null,
    kind: req.kind,
    userInfo: req.userInfo,
    roles: [],
    clusterRoles: [],
    dryRun: req.dryRun === true,
    raw: req as unknown as JsonObject,
  };
  if (req.resource) input.resource = req.resource;
  if (req.subResource) input.subResource = req.subResource;
  if (req.namespace) input.namespace = req.namespace;
  if (req.name) input.name = req.name;
  return input;
}

/** How a deny message names the resource: Kind/namespace/name, or Kind/name when cluster-scoped. */
export interface ResourceRef {
  kind: string;
  namespace?: string;
  name: string;
}

export function resourceRefOf(req: AdmissionRequest): ResourceRef {
  const obj = req.object ?? req.oldObject ?? undefined;
  const meta = (obj?.metadata ?? {}) as { name?: unknown; generateName?: unknown };
  // On CREATE with generateName the API server has not picked a name yet: show the prefix.
  const generated = typeof meta.generateName === 'string' ? `${meta.generateName}*` : '';
  const name = req.name || (typeof meta.name === 'string' ? meta.name : '') || generated;
  // Assigned, not spread into the literal: a conditional spread is slow on Node 20 (every admission).
  const ref: ResourceRef = { kind: req.kind.kind, name };
  if (req.namespace) ref.namespace = req.namespace;
  return ref;
}
