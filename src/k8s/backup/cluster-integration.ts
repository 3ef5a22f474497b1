/**
 * Data protection inside `guardrail serve --kubeconfig`: the cluster engine (informers), the same admission
 * integration as local mode (src/backup/admission), scheduled backups only on the holder of the
 * `<lease>-backup` Lease, and the `guardrail-backup` webhook configurations once HTTPS serves. Without the
 * backup.guardrail.dev CRDs in the cluster it logs once and stays off: the webhook must keep answering.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { startBackupIntegration, type BackupIntegration } from '../../backup/admission/index.js';
import type { RunResult } from '../../backup/engine/index.js';
import type { CertSource } from '../../certs/index.js';
import type { Logger } from '../../observability/index.js';
import type { KubeClient } from '../client/kube-client.js';
import { createLeaderElector } from '../leases/leader-election.js';
import type { WebhookTarget } from '../webhooks/build-webhook-configs.js';
import { applyBackupWebhooks, deleteBackupWebhooks } from './backup-webhooks.js';
import { createClusterBackup, type ClusterBackup } from './cluster-engine.js';
import { probeProfiles } from './profile-status.js';

/** LocationProfiles are probed again this often (a bucket's lock settings can change under us). */
const PROBE_INTERVAL_MS = 3600_000;

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
}

export interface ClusterBackupIntegration extends BackupIntegration {
  readonly backup?: ClusterBackup;
  /** Applies the backup webhook configurations against the serving CA (and again on rotation). */
  attach(target: Omit<WebhookTarget, 'caBundle'> | undefined, certs: CertSource): Promise<void>;
}

const OFF: ClusterBackupIntegration = { extension: {}, onAdmitted: () => undefined, stop: async () => undefined, attach: async () => undefined };

export async function startClusterBackupIntegration(o: ClusterBackupIntegrationOptions): Promise<ClusterBackupIntegration> {
  const log = o.logger.child({ component: 'backup' });
  let sync: (() => void) | undefined;
  // Set once the Lease elector exists; the informer may call it before.
  const later = { probe: (): void => undefined };
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
    onPoliciesChange: () => sync?.(),
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
  const integration = await startBackupIntegration(backup.engine, log, { active: () => elector.isLeader(), ...(o.tickMs ? { tickMs: o.tickMs } : {}), ...(o.onRun ? { onRun: o.onRun } : {}) });
  const unsubscribe: (() => void)[] = [];
  // Probe when a profile's spec changes (its generation), not when our own status write comes back.
  let probed = '';
  let probing = false;
  later.probe = () => {
    if (!elector.isLeader() || probing) return;
    probing = true;
    void (async () => {
      const key = (await backup.engine.config()).profiles.map((p) => `${p.metadata.namespace ?? ''}/${p.metadata.name}:${JSON.stringify(p.spec)}`).join(',');
      if (key === probed) return;
      const results = await probeProfiles(o.client, backup.engine);
      probed = key;
      if (results.length) log.info({ profiles: results.map((r) => `${r.profile}=${r.immutability}`) }, 'LocationProfiles probed');
    })()
      .catch((err: unknown) => log.warn({ err: String(err) }, 'probing LocationProfiles failed'))
      .finally(() => (probing = false));
  };
  const reprobe = setInterval(() => {
    probed = '';
    later.probe();
  }, PROBE_INTERVAL_MS);
  reprobe.unref();
  unsubscribe.push(() => clearInterval(reprobe));
  return {
    ...integration,
    backup,
    async attach(target, certs) {
      if (!target) return;
      // One at a time; each pass looks at the current policies: present -> apply (new caBundle too), none -> delete.
      let chain: Promise<void> = Promise.resolve();
      let applied: boolean | undefined;
      const pass = async (): Promise<void> => {
        const want = (await backup.engine.config()).policies.length > 0;
        if (want) await applyBackupWebhooks(o.client, { ...target, caBundle: certs.current().ca }, o.namespace);
        else if (applied !== false) await deleteBackupWebhooks(o.client);
        if (want !== applied) log.info({ policies: want }, want ? 'backup webhook configurations applied' : 'no BackupPolicy: backup webhook configurations removed');
        applied = want;
      };
      const run = (): Promise<void> => (chain = chain.then(pass).catch((err: unknown) => log.error({ err: String(err) }, 'managing backup webhook configurations failed')));
      sync = () => void run();
      await run();
      unsubscribe.push(certs.onChange(() => void run()));
    },
    async stop() {
      for (const u of unsubscribe) u();
      elector.stop();
      await integration.stop();
      await backup.stop();
    },
  };
}
