/**
 * An AdmissionReview CREATE for a resource, as the API server would send it: the namespace defaulted
 * for namespaced kinds (also on the object), the plural resource, no user beyond an empty one (the CLI
 * door has no user info either).
 */
import { kindToResource } from '../../../src/engine/cel-policies/index.js';

type Json = Record<string, unknown>;

export function createReview(resource: Json, uid: string): Json {
  const apiVersion = String(resource.apiVersion ?? '');
  const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
  const kind = String(resource.kind ?? '');
  const info = kindToResource(kind, group);
  const meta = (resource.metadata ?? {}) as Json;
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : info.namespaced === true ? 'default' : undefined;
  const object = namespace && meta.namespace === undefined ? { ...resource, metadata: { ...meta, namespace } } : resource;
  return {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid,
      kind: { group, version, kind },
      resource: { group, version, resource: info.resource },
      requestKind: { group, version, kind },
      name: String(meta.name ?? ''),
      ...(namespace ? { namespace } : {}),
      operation: 'CREATE',
      userInfo: {},
      object,
      oldObject: null,
      dryRun: false,
      options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
    },
  };
}
