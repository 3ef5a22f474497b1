/**
 * What match/exclude filters look at, extracted once per admission request. The resource is the new object,
 * or the old one on DELETE (Kyverno matches `policyContext.OldResource()` when the new one is empty).
 */
import type { JsonObject } from '../policy-types.js';
import type { AdmissionInput, GroupVersionKind, Operation, RequestUserInfo } from '../request.js';
import { matchGvk } from './parent-kind.js';

export interface MatchSubject {
  /** False when there is neither an object nor an old object (Kyverno: "resource is empty"). */
  hasResource: boolean;
  /** Kind matched by `kinds`: the request kind, or the parent resource's kind for subresources. */
  gvk: GroupVersionKind;
  subresource: string;
  operation: Operation;
  /** `kind` of the object itself (Kyverno's resource.GetKind()), falling back to the request kind. */
  objectKind: string;
  /** metadata.name, or metadata.generateName when the name is not assigned yet. */
  name: string;
  /** Namespace used by `namespaces`: a Namespace object's own name, else its namespace. */
  namespaceForMatch: string;
  /** metadata.namespace (or the request namespace for namespaced objects), for Policy scoping. */
  namespace: string;
  labels: Record<string, string> | undefined;
  annotations: Record<string, string> | undefined;
  namespaceLabels: Record<string, string>;
  userInfo: RequestUserInfo;
  roles: readonly string[];
  clusterRoles: readonly string[];
  /** Kyverno ignores userInfo in `match` when the request carries no user information at all (CLI, scans). */
  hasRequestInfo: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const record = (v: unknown): Record<string, string> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : undefined;

function requestInfoPresent(input: AdmissionInput): boolean {
  const u = input.userInfo ?? {};
  return Boolean(
    u.username || u.uid || (u.groups?.length ?? 0) > 0 || Object.keys(u.extra ?? {}).length > 0 ||
      (input.roles?.length ?? 0) > 0 || (input.clusterRoles?.length ?? 0) > 0,
  );
}

export function buildMatchSubject(input: AdmissionInput): MatchSubject {
  const resource: JsonObject | null = input.object ?? input.oldObject;
  const meta = record(resource?.metadata) as JsonObject | undefined;
  const objectKind = str(resource?.kind) || input.kind.kind;
  const isNamespace = objectKind === 'Namespace';
  const name = str(meta?.name) || str(meta?.generateName);
  const namespace = str(meta?.namespace) || (isNamespace ? '' : (input.namespace ?? ''));
  return {
    hasResource: resource !== null && resource !== undefined,
    gvk: matchGvk(input),
    subresource: input.subResource ?? '',
    operation: input.operation,
    objectKind,
    name,
    namespaceForMatch: isNamespace ? str(meta?.name) : namespace,
    namespace,
    labels: record(meta?.labels),
    annotations: record(meta?.annotations),
    namespaceLabels: input.namespaceLabels ?? {},
    userInfo: input.userInfo ?? {},
    roles: input.roles ?? [],
    clusterRoles: input.clusterRoles ?? [],
    hasRequestInfo: requestInfoPresent(input),
  };
}
