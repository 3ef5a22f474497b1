/**
 * Data protection inside `guardrail serve --kubeconfig`: the cluster engine (informers), the same admission
 * integration as local mode (src/backup/admission), scheduled backups only on the holder of the
 * `<lease>-backup` Lease, and the `guardrail-backup` webhook configurations once HTTPS serves. Without the
 * backup.guardrail.dev CRDs in the cluster it logs once and stays off: the webhook must keep answering.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { startBackupIntegration, type BackupIntegration } from '../../backup/admission/index.js';
import type { ComplianceResult } from '../../backup/compliance/index.js';
import type { RunResult } from '../../backup/engine/index.js';
import type { CertSource } from '../../certs/index.js';
import type { Logger } from '../../observability/index.js';
import type { KubeClient } from '../client/kube-client.js';
import { createLeaderElector } from '../leases/leader-election.js';
import type { WebhookTarget } from '../webhooks/build-webhook-configs.js';
import { createBackupWebhookSync } from './backup-webhooks.js';
import { createClusterBackup, type ClusterBackup } from './cluster-engine.js';
import { createProfileProber } from './profile-prober.js';

export interface ClusterBackupIntegrationOptions {
  client: KubeClient;
  namespace: string;
  stateDir: string;
  env: Readonly<Record<string, string | undefined>>;
  passwordFile?: string;
  leaseName: string;
  logger: Logger;
  tickMs?: number;
  snapshotWaitMs?: number;
  onRun?: (r: RunResult) => void;
  /** Every app's compliance, periodically and after runs (metrics; src/backup/admission serve-integration). */
  onCompliance?: (results: ComplianceResult[]) => void;
}

export interface ClusterBackupIntegration extends BackupIntegration {
  readonly backup?: ClusterBackup;
  /** Applies the backup webhook configurations against the serving CA (and again on rotation). */
  attach(target: Omit<WebhookTarget, 'caBundle'> | undefined, certs: CertSource): Promise<void>;
}

const OFF: ClusterBackupIntegration = { extension: {}, onAdmitted: () => undefined, stop: async () => undefined, attach: async () => undefined };

export async function startClusterBackupIntegration(o: ClusterBackupIntegrationOptions): Promise<ClusterBackupIntegration> {
  const log = o.logger.child({ component: 'backup' });
  // Set once the elector and the webhook target exist; the informers may call them before.
  const later = { probe: (): void => undefined, sync: (): void => undefined };
  const backup = createClusterBackup({
    client: o.client,
    namespace: o.namespace,
    stateDir: o.stateDir,
    env: o.env,
    watch: true,
    ...(o.passwordFile ? { passwordFile: o.passwordFile } : {}),
    ...(o.snapshotWaitMs !== undefined ? { snapshotWaitMs: o.snapshotWaitMs } : {}),
    onIssues: (issues) => log.warn({ issues: issues.map((i) => `${i.code} ${i.path}: ${i.message}`) }, 'backup objects left out (invalid)'),
    onWatchError: (err) => log.warn({ err: String(err) }, 'backup watch error; retrying'),
    onPoliciesChange: () => later.sync(),
    onProfilesChange: () => later.probe(),
  });
  try {
    await backup.start();
  } catch (err) {
    log.info({ err: String(err) }, 'backup.guardrail.dev CRDs not readable: data protection is off (install the chart CRDs)');
    await backup.stop().catch(() => undefined);
    return OFF;
  }
  const elector = createLeaderElector({
    client: o.client,
    namespace: o.namespace,
    name: `${o.leaseName}-backup`,
    identity: `${hostname()}-${randomBytes(3).toString('hex')}`,
    onChange: (leading) => {
      log.info({ leading }, leading ? 'leader: running scheduled backups' : 'not the leader: scheduled backups paused');
      if (leading) later.probe();
    },
    onError: (err) => log.warn({ err: String(err) }, 'backup leader election failed; not leading'),
  });
  elector.start();
  const integration = await startBackupIntegration(backup.engine, log, { active: () => elector.isLeader(), ...(o.tickMs ? { tickMs: o.tickMs } : {}), ...(o.onRun ? { onRun: o.onRun } : {}), ...(o.onCompliance ? { onCompliance: o.onCompliance } : {}) });
  const prober = createProfileProber({ client: o.client, engine: backup.engine, isLeader: () => elector.isLeader(), log });
  later.probe = prober.poke;
  const unsubscribe: (() => void)[] = [() => prober.stop()];
  return {
    ...integration,
    backup,
    async attach(target, certs) {
      if (!target) return;
      const hooks = createBackupWebhookSync({ client: o.client, target, ownNamespace: o.namespace, caBundle: () => certs.current().ca, hasPolicies: async () => (await backup.engine.config()).policies.length > 0, log });
      later.sync = () => void hooks.sync();
      await hooks.sync();
      unsubscribe.push(certs.onChange(() => void hooks.sync()));
    },
    async stop() {
      for (const u of unsubscribe) u();
      elector.stop();
      await integration.stop();
      await backup.stop();
    },
  };
}
