/** Secrets the backup side reads and creates-if-absent (data decoded to UTF-8 strings; never logged). */
import { isConflict, isNotFound, type KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';

export const SECRETS = { group: '', version: 'v1', resource: 'secrets' };

export interface SecretObject {
  metadata: { name: string; namespace?: string; resourceVersion?: string; labels?: Record<string, string> };
  type?: string;
  data?: Record<string, string>;
}

export async function getSecret(client: KubeClient, namespace: string, name: string): Promise<SecretObject | undefined> {
  try {
    return await client.request<SecretObject>('GET', resourcePath(SECRETS, namespace, name));
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

export const decode = (data: Record<string, string> = {}): Record<string, string> => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
export const encode = (data: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')]));

export async function readSecret(client: KubeClient, namespace: string, name: string): Promise<Record<string, string> | undefined> {
  const s = await getSecret(client, namespace, name);
  return s ? decode(s.data) : undefined;
}

/** Creates the Secret unless it exists; either way answers what the cluster holds (the first writer wins). */
export async function ensureSecret(client: KubeClient, namespace: string, name: string, data: Record<string, string>): Promise<Record<string, string>> {
  const body = { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace, labels: { 'app.kubernetes.io/managed-by': 'guardrail' } }, type: 'Opaque', data: encode(data) };
  try {
    await client.request('POST', resourcePath(SECRETS, namespace), { body });
    return data;
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
  return (await readSecret(client, namespace, name)) ?? data;
}
