/**
 * The CEL activation of an admission request: object, oldObject, request, params, namespaceObject,
 * authorizer (k8s.io/apiserver/pkg/admission/plugin/cel/activation.go) plus whatever library handles
 * the caller injects (Kyverno's resource, http, globalContext, image).
 */
import { RecentCache } from '../recent-cache.js';
import type { AdmissionInput } from '../request.js';
import type { RequestAttributes } from './attributes.js';

export interface ActivationInputs {
  params?: unknown;
  namespaceObject?: unknown;
  authorizer?: unknown;
  libraries?: Record<string, unknown>;
}

export function buildActivation(input: AdmissionInput, attrs: RequestAttributes, extra: ActivationInputs): Record<string, unknown> {
  return {
    ...extra.libraries,
    // DELETE carries no new object; CREATE no old one (admission.k8s.io/v1 AdmissionRequest).
    object: input.object ?? null,
    oldObject: input.operation === 'CREATE' ? null : (input.oldObject ?? null),
    request: requestOf(input, attrs),
    params: extra.params ?? null,
    namespaceObject: extra.namespaceObject !== undefined ? extra.namespaceObject : defaultNamespaceOf(input, attrs),
    authorizer: extra.authorizer ?? null,
  };
}

/**
 * One request is evaluated against many policies: build its `request` and default namespace object once
 * per input (attrs derive from the input), so the CEL conversion cache also hits for them. RecentCaches,
 * not WeakMaps keyed by the input: see recent-cache.ts.
 */
const requests = new RecentCache<AdmissionInput, Record<string, unknown>>(4);
const namespaces = new RecentCache<AdmissionInput, unknown>(4);

function requestOf(input: AdmissionInput, attrs: RequestAttributes): Record<string, unknown> {
  let request = requests.get(input);
  if (request === undefined) {
    request = buildRequest(input, attrs);
    requests.set(input, request);
  }
  return request;
}

function defaultNamespaceOf(input: AdmissionInput, attrs: RequestAttributes): unknown {
  if (!namespaces.has(input)) namespaces.set(input, defaultNamespaceObject(input, attrs));
  return namespaces.get(input);
}

/**
 * The `request` variable: AdmissionRequest without object/oldObject (compile.go buildRequestType).
 * A raw request from the webhook wins field by field over what we derive.
 */
export function buildRequest(input: AdmissionInput, attrs: RequestAttributes): Record<string, unknown> {
  const kind = { group: input.kind.group, version: input.kind.version, kind: input.kind.kind };
  const resource = { group: attrs.group, version: attrs.version, resource: attrs.resource };
  const derived: Record<string, unknown> = {
    uid: input.uid ?? '',
    kind,
    resource,
    subResource: attrs.subResource,
    requestKind: kind,
    requestResource: resource,
    requestSubResource: attrs.subResource,
    name: attrs.name,
    namespace: attrs.namespace,
    operation: input.operation,
    userInfo: { ...input.userInfo },
    dryRun: input.dryRun ?? false,
  };
  const raw = { ...(input.raw ?? {}) };
  delete raw.object;
  delete raw.oldObject;
  return { ...derived, ...raw };
}

/**
 * With no namespace object supplied, a namespaced request sees a minimal Namespace carrying the labels
 * we know (Kyverno's CLI does the same); cluster-scoped requests see null.
 */
function defaultNamespaceObject(input: AdmissionInput, attrs: RequestAttributes): unknown {
  if (attrs.namespace === '') return null;
  const labels = input.namespaceLabels ?? { 'kubernetes.io/metadata.name': attrs.namespace };
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: attrs.namespace, labels } };
}
