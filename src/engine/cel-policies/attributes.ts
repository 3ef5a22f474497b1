/**
 * The admission attributes matching and CEL need, derived once from an AdmissionInput: the plural
 * resource comes from the request when known, else from the kind table (resource-kinds.ts).
 */
import type { AdmissionInput, Operation } from '../request.js';
import type { JsonObject } from '../policy-types.js';
import { kindToResource } from './resource-kinds.js';

export interface RequestAttributes {
  operation: Operation;
  group: string;
  version: string;
  kind: string;
  resource: string;
  subResource: string;
  namespace: string;
  name: string;
  /** The object being admitted: `object`, or `oldObject` on DELETE. */
  subject: JsonObject | null;
  /** From the kind table; undefined for kinds it does not know. */
  namespaced?: boolean;
}

export function requestAttributes(input: AdmissionInput): RequestAttributes {
  const subject = input.object ?? input.oldObject;
  const meta = (subject?.metadata ?? {}) as { name?: string; namespace?: string; generateName?: string };
  const info = kindToResource(input.kind.kind, input.kind.group);
  const resource = input.resource?.resource ?? info.resource;
  const isNamespace = resource === 'namespaces' && input.kind.group === '';
  return {
    operation: input.operation,
    group: input.resource?.group ?? input.kind.group,
    version: input.resource?.version ?? input.kind.version,
    kind: input.kind.kind,
    resource,
    subResource: input.subResource ?? '',
    // A Namespace object is cluster scoped even though metadata.namespace may be echoed.
    namespace: isNamespace ? '' : (input.namespace ?? meta.namespace ?? ''),
    name: input.name ?? meta.name ?? '',
    subject,
    namespaced: info.namespaced,
  };
}

/** Parses `group/version` (or `version` for the core group). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
