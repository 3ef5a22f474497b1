/**
 * The repository password in cluster mode: --password-file or env GUARDRAIL_REPO_PASSWORD when given, else
 * the Secret `guardrail-repo-password` (key `password`) in Guardrail's namespace, generated on first use
 * (create-if-absent, so replicas and the CLI agree on one). Losing that Secret loses the backups: keep a copy.
 */
import { randomBytes } from 'node:crypto';
import { resolvePassword, type ResolvedPassword } from '../../backup/engine/index.js';
import type { KubeClient } from '../client/kube-client.js';
import { ensureSecret } from './secrets.js';

export const REPO_PASSWORD_SECRET = 'guardrail-repo-password';

export interface ClusterPasswordOptions {
  client: KubeClient;
  namespace: string;
  env: Readonly<Record<string, string | undefined>>;
  passwordFile?: string;
}

export async function clusterRepoPassword(o: ClusterPasswordOptions): Promise<ResolvedPassword> {
  if (o.passwordFile || o.env.GUARDRAIL_REPO_PASSWORD) {
    return resolvePassword({ env: o.env, generatedFile: '/nonexistent', ...(o.passwordFile ? { passwordFile: o.passwordFile } : {}) });
  }
  const data = await ensureSecret(o.client, o.namespace, REPO_PASSWORD_SECRET, { password: randomBytes(24).toString('base64url') });
  if (!data.password) throw new Error(`Secret ${o.namespace}/${REPO_PASSWORD_SECRET} has no "password" key`);
  return { password: data.password, source: 'state', file: `secret ${o.namespace}/${REPO_PASSWORD_SECRET}` };
}
