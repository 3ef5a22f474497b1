/**
 * The repository trust store (journal HMAC key + last anchor, src/backup/repository/trust.ts) in a Secret
 * of Guardrail's namespace, one per repository: every replica and the CLI (`guardrail backup ... --kubeconfig`)
 * append to the same exported repository's journal, so they must share its key. Still outside the
 * repository, as the trust model requires: whoever can write the bucket cannot read this Secret.
 */
import { randomBytes } from 'node:crypto';
import type { Anchor, TrustStore } from '../../backup/repository/index.js';
import { isConflict, type KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';
import { encode, ensureSecret, getSecret, decode, SECRETS } from './secrets.js';

export const trustSecretName = (repoId: string): string => `guardrail-trust-${repoId.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 40) || 'unknown'}`;

export function createSecretTrustStore(client: KubeClient, namespace: string, repoId: string): TrustStore {
  const name = trustSecretName(repoId);
  const read = async (): Promise<Record<string, string>> => decode((await getSecret(client, namespace, name))?.data);
  return {
    location: `secret ${namespace}/${name}`,
    async journalKey() {
      const k = (await read())['journal.key'];
      return k ? Buffer.from(k.trim(), 'hex') : undefined;
    },
    async createJournalKey() {
      // Create-if-absent: a replica racing us wins or loses as a whole, and both then use the winner's key.
      const data = await ensureSecret(client, namespace, name, { 'journal.key': randomBytes(32).toString('hex') });
      return Buffer.from(data['journal.key'] ?? '', 'hex');
    },
    async readAnchor() {
      const a = (await read())['anchor.json'];
      return a ? (JSON.parse(a) as Anchor) : undefined;
    },
    async writeAnchor(a) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const s = await getSecret(client, namespace, name);
        if (!s) {
          await ensureSecret(client, namespace, name, { 'anchor.json': JSON.stringify(a) });
          continue;
        }
        const data = { ...(s.data ?? {}), ...encode({ 'anchor.json': JSON.stringify(a) }) };
        try {
          await client.request('PUT', resourcePath(SECRETS, namespace, name), { body: { apiVersion: 'v1', kind: 'Secret', ...s, data } });
          return;
        } catch (err) {
          if (!isConflict(err)) throw err;
        }
      }
    },
  };
}
