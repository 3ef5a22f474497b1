/** A Kubernetes object as captured: only the fields the capture and restore read are typed. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; [k: string]: unknown };
  [k: string]: unknown;
}

export const objectKey = (o: Pick<KubeObject, 'kind' | 'metadata'>): string => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
