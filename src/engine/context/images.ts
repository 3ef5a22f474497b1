/**
 * The `images` variable: every container image of a workload parsed the way Kyverno does
 * (pkg/utils/image/infos.go and its tests): default registry docker.io, default tag `latest` when there is
 * no digest, the path as written (`nginx` stays `nginx`, not `library/nginx`). Keyed by container name under containers,
 * initContainers and ephemeralContainers.
 */
import type { JsonObject } from '../policy-types.js';

export interface ImageInfo {
  registry: string;
  name: string;
  path: string;
  tag?: string;
  digest?: string;
  reference: string;
  referenceWithTag: string;
}

const DEFAULT_REGISTRY = 'docker.io';

export function parseImageReference(image: string): ImageInfo | undefined {
  let ref = image.trim();
  if (ref === '') return undefined;
  const slash = ref.indexOf('/');
  const first = slash === -1 ? '' : ref.slice(0, slash);
  const hasRegistry = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  let registry = DEFAULT_REGISTRY;
  if (hasRegistry) {
    registry = first;
    ref = ref.slice(slash + 1);
  }
  let digest: string | undefined;
  const at = ref.indexOf('@');
  if (at !== -1) {
    digest = ref.slice(at + 1);
    ref = ref.slice(0, at);
  }
  let tag: string | undefined;
  const colon = ref.lastIndexOf(':');
  if (colon !== -1) {
    tag = ref.slice(colon + 1);
    ref = ref.slice(0, colon);
  }
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(ref)) return undefined;
  if (!digest && !tag) tag = 'latest';
  const referenceWithTag = `${registry}/${ref}:${tag ?? ''}`;
  const path = ref;
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  const reference = digest ? `${registry}/${path}@${digest}` : `${registry}/${path}:${tag}`;
  const info: ImageInfo = { registry, name, path, reference, referenceWithTag };
  if (tag) info.tag = tag;
  if (digest) info.digest = digest;
  return info;
}

/** Finds the pod spec of a Pod, a pod controller, or a CronJob. */
export function podSpecOf(resource: JsonObject | null | undefined): JsonObject | undefined {
  if (!resource) return undefined;
  const spec = resource.spec as JsonObject | undefined;
  if (!spec) return undefined;
  if (resource.kind === 'Pod') return spec;
  if (resource.kind === 'CronJob') {
    const job = (spec.jobTemplate as JsonObject | undefined)?.spec as JsonObject | undefined;
    return ((job?.template as JsonObject | undefined)?.spec as JsonObject | undefined) ?? undefined;
  }
  const template = spec.template as JsonObject | undefined;
  return (template?.spec as JsonObject | undefined) ?? undefined;
}

const CONTAINER_FIELDS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

export function extractImages(resource: JsonObject | null | undefined): JsonObject | undefined {
  const spec = podSpecOf(resource);
  if (!spec) return undefined;
  const out: JsonObject = {};
  for (const field of CONTAINER_FIELDS) {
    const list = spec[field];
    if (!Array.isArray(list) || list.length === 0) continue;
    const byName: JsonObject = {};
    for (const c of list as JsonObject[]) {
      if (typeof c?.image !== 'string' || typeof c.name !== 'string') continue;
      const info = parseImageReference(c.image);
      if (info) byName[c.name] = info;
    }
    out[field] = byName;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
