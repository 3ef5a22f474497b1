/**
 * The webhook configurations data protection needs beside the policies' own: Deployments and StatefulSets
 * on /mutate (binding annotations) and /validate (unknown BackupPolicy denied). The policies' configurations
 * list only the kinds their rules match, so without these a cluster with no mutate policy for Deployments
 * would never call /mutate for them. A separate pair (`guardrail-backup`), built by the same builder, that
 * exists only while the cluster holds a BackupPolicy: a cluster without data protection gets no webhook
 * on its workloads (and no failurePolicy Fail hanging on a Guardrail that is gone).
 */
import type { Logger } from '../../observability/index.js';
import { applyObject } from '../client/apply.js';
import { isNotFound, type KubeClient } from '../client/kube-client.js';
import { buildWebhookConfigs, type WebhookConfigs, type WebhookTarget } from '../webhooks/build-webhook-configs.js';
import type { PolicyNeeds } from '../webhooks/policy-needs.js';

export const BACKUP_WEBHOOK_NAME = 'guardrail-backup';

const KINDS = [{ kinds: ['apps/v1/Deployment', 'apps/v1/StatefulSet'], operations: ['CREATE', 'UPDATE'] }];

export function buildBackupWebhookConfigs(target: WebhookTarget, ownNamespace: string): WebhookConfigs {
  // Fail: a production workload admitted without its binding would silently go unprotected.
  const needs: PolicyNeeds[] = [{ policy: 'data-protection', failurePolicy: 'Fail', validate: KINDS, mutate: KINDS, validateRules: [], mutateRules: [] }];
  const c = buildWebhookConfigs(needs, { target, ownNamespace, name: BACKUP_WEBHOOK_NAME });
  const validating = c.validating as { webhooks: { name: string }[] };
  // The builder always adds the policy-validating webhook; the policies' configuration has it already.
  return { ...c, validating: { ...c.validating, webhooks: validating.webhooks.filter((w) => !w.name.startsWith('validate-policy.')) } };
}

export async function applyBackupWebhooks(client: KubeClient, target: WebhookTarget, ownNamespace: string): Promise<void> {
  const c = buildBackupWebhookConfigs(target, ownNamespace);
  await applyObject(client, 'validatingwebhookconfigurations', c.validating as never);
  await applyObject(client, 'mutatingwebhookconfigurations', c.mutating as never);
}

export async function deleteBackupWebhooks(client: KubeClient): Promise<void> {
  for (const kind of ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations']) {
    await client.request('DELETE', `/apis/admissionregistration.k8s.io/v1/${kind}/${BACKUP_WEBHOOK_NAME}`).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }
}

export interface BackupWebhookSync {
  /** Applies (policies exist: also a new caBundle) or deletes (none left) the configurations; one pass at a time. */
  sync(): Promise<void>;
}

export function createBackupWebhookSync(o: { client: KubeClient; target: Omit<WebhookTarget, 'caBundle'>; ownNamespace: string; caBundle: () => string; hasPolicies: () => Promise<boolean>; log: Logger }): BackupWebhookSync {
  let chain: Promise<void> = Promise.resolve();
  let applied: boolean | undefined;
  const pass = async (): Promise<void> => {
    const want = await o.hasPolicies();
    if (want) await applyBackupWebhooks(o.client, { ...o.target, caBundle: o.caBundle() }, o.ownNamespace);
    else if (applied !== false) await deleteBackupWebhooks(o.client);
    if (want !== applied) o.log.info({ policies: want }, want ? 'backup webhook configurations applied' : 'no BackupPolicy: backup webhook configurations removed');
    applied = want;
  };
  return {
    sync: () => (chain = chain.then(pass).catch((err: unknown) => o.log.error({ err: String(err) }, 'managing backup webhook configurations failed'))),
  };
}
