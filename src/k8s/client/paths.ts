/** REST paths (https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris). */
export interface ResourceRef {
  group: string;
  version: string;
  resource: string;
}

export function resourcePath(r: ResourceRef, namespace?: string, name?: string): string {
  const base = r.group === '' ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${r.resource}${name ? `/${encodeURIComponent(name)}` : ''}`;
}

/** `apps/v1` -> {group: apps, version: v1}; `v1` -> core. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}
