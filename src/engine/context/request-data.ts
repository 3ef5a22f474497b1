/**
 * Builds the JSON document that Kyverno's JMESPath variables read (pkg/engine/context):
 * `request.*` (the admission request with object/oldObject, userInfo, roles, clusterRoles),
 * `serviceAccountName`/`serviceAccountNamespace` (from a service-account username) and `images`.
 */
import type { JsonObject } from '../policy-types.js';
import type { AdmissionInput } from '../request.js';
import { extractImages } from './images.js';

const SA_PREFIX = 'system:serviceaccount:';

export interface RequestDataOptions {
  /** Build `images` (default true). A caller that knows no policy reads it saves parsing every image. */
  images?: boolean;
}

/**
 * Fields of an AdmissionRequest (k8s.io/api/admission/v1) that the request carries only when present;
 * the others are always set. Kyverno unmarshals the review into that struct, so a field outside it never
 * reaches `request`.
 */
const OPTIONAL_FIELDS = ['requestKind', 'requestResource', 'requestSubResource', 'options'] as const;

export function buildRequestData(input: AdmissionInput, opts: RequestDataOptions = {}): JsonObject {
  const raw = input.raw;
  // One literal with the same keys every time, in the struct's order (Kyverno's map has none): it costs
  // ~0.2 µs per admission where copying the raw request with Object.assign cost ~1.3 µs (measured).
  const request: JsonObject = {
    uid: input.uid ?? raw?.uid ?? '',
    kind: input.kind,
    name: input.name ?? '',
    namespace: input.namespace ?? '',
    operation: input.operation,
    userInfo: input.userInfo,
    object: input.object,
    oldObject: input.oldObject,
    dryRun: input.dryRun ?? false,
    roles: input.roles ?? [],
    clusterRoles: input.clusterRoles ?? [],
  };
  const resource = input.resource ?? raw?.resource;
  if (resource !== undefined) request.resource = resource;
  if (input.subResource) request.subResource = input.subResource;
  if (raw !== undefined) {
    for (const field of OPTIONAL_FIELDS) {
      const value = raw[field];
      if (value !== undefined) request[field] = value;
    }
  }
  const data: JsonObject = { request };
  const username = input.userInfo.username ?? '';
  if (username.startsWith(SA_PREFIX)) {
    // `<namespace>:<name>`: the first two `:`-separated parts (indexOf, not split and destructuring: that
    // was ~0.8 µs of every admission).
    const start = SA_PREFIX.length;
    const first = username.indexOf(':', start);
    const second = first < 0 ? -1 : username.indexOf(':', first + 1);
    data.serviceAccountName = first < 0 ? '' : second < 0 ? username.slice(first + 1) : username.slice(first + 1, second);
    data.serviceAccountNamespace = first < 0 ? username.slice(start) : username.slice(start, first);
  } else {
    data.serviceAccountName = '';
    data.serviceAccountNamespace = '';
  }
  if (opts.images === false) return data;
  const images = extractImages(input.object ?? input.oldObject);
  if (images) data.images = images;
  return data;
}
