/** The cluster side of the certificate sources' SecretStore: GET and create-if-absent of a Secret. */
import type { SecretStore } from '../../certs/index.js';
import { isConflict, isNotFound, type KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';

const SECRETS = { group: '', version: 'v1', resource: 'secrets' };

export function createSecretStore(client: KubeClient): SecretStore {
  return {
    async get(namespace, name) {
      try {
        const s = await client.request<{ data?: Record<string, string> }>('GET', resourcePath(SECRETS, namespace, name));
        return Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async create(namespace, name, data, type = 'Opaque') {
      const body = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace, labels: { 'app.kubernetes.io/managed-by': 'guardrail' } },
        type,
        data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')])),
      };
      try {
        await client.request('POST', resourcePath(SECRETS, namespace), { body });
        return 'created';
      } catch (err) {
        if (isConflict(err)) return 'exists'; // another replica created it first
        throw err;
      }
    },
  };
}
