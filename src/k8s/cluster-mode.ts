/**
 * Cluster mode in one place: the cluster policy source, namespace labels, cluster lookups, the Secret or
 * cert-manager certificate source, the webhook configurations, PolicyReports and background scans. The
 * server stays unaware: it gets a PolicyProvider, lookups, an input enricher and an onAdmitted hook, and
 * calls `attach(certs)` once it serves HTTPS (webhook configurations must not point at a closed port).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AdmittedEvent } from '../server/index.js';
import type { CertSource } from '../certs/index.js';
import { createCertManagerCertSource, createSecretCertSource } from '../certs/index.js';
import type { AdmissionInput, EngineDeps, PolicySetOptions } from '../engine/index.js';
import type { Logger, Metrics } from '../observability/index.js';
import { createReportWriter, policyMetaOf, type ReportWriter } from '../report/policy-report/index.js';
import { createBackgroundScanner, type BackgroundScanner } from '../scan/index.js';
import { createKubeClient, type KubeClient } from './client/kube-client.js';
import { createClusterLookups, type ClusterLookups } from './lookups/cluster-lookups.js';
import { createNamespaceLabels, withNamespaceLabels } from './namespaces/namespace-labels.js';
import { createClusterPolicySource, type ClusterPolicySource } from './policy-source/cluster-policy-source.js';
import { createClusterReportSink } from './reports/cluster-report-sink.js';
import { createResourceLister } from './scan/resource-lister.js';
import { backgroundHandlers } from './scan/cel-targets.js';
import { createSecretStore } from './secrets/secret-store.js';
import { createWebhookManager, type WebhookManager } from './webhooks/webhook-manager.js';
import { reportCounters } from './report-metrics.js';
import { createLeaderElector, type LeaderElector } from './leases/leader-election.js';
import { startClusterBackupIntegration, type ClusterBackupIntegration, type ClusterBackupIntegrationOptions } from './backup/index.js';

export type CertMode = 'selfManaged' | 'secret' | 'certManager';
export const CERT_MODES: readonly CertMode[] = ['selfManaged', 'secret', 'certManager'];

export interface ClusterModeOptions {
  /** A kubeconfig file; undefined = the pod's service account (in-cluster). */
  kubeconfig?: string;
  /** Guardrail's own namespace (CA Secret, Service, excluded from admission). */
  namespace: string;
  certMode: CertMode;
  /** Where the API server reaches us: a URL, or a Service in `namespace`; neither = webhooks not managed. */
  webhookUrl?: string;
  serviceName?: string;
  servicePort?: number;
  dnsNames?: readonly string[];
  certsDir?: string;
  policySetOptions?: PolicySetOptions;
  reports?: boolean;
  scanIntervalMs?: number;
  reportFlushMs?: number;
  /** Lease for leader election (only the leader scans); default the service name or "guardrail". */
  leaseName?: string;
  logger: Logger;
  metrics?: Metrics;
  /** Data protection (src/k8s/backup); absent = off. */
  backup?: Omit<ClusterBackupIntegrationOptions, 'client' | 'namespace' | 'leaseName' | 'logger'>;
}

export interface ClusterMode {
  client: KubeClient;
  policies: ClusterPolicySource;
  lookups: ClusterLookups;
  /** Adds namespace labels to an admission input (namespaceSelector). */
  enrichInput(input: AdmissionInput): AdmissionInput;
  /** The certificate source for `certMode` (undefined for selfManaged: the server's files source). */
  certSource?: CertSource;
  onAdmitted(event: AdmittedEvent): void;
  reports?: ReportWriter;
  scanner?: BackgroundScanner;
  webhooks?: WebhookManager;
  leader?: LeaderElector;
  /** Data protection: admission extension, scheduled backups (Lease-gated), backup webhooks. */
  backup?: ClusterBackupIntegration;
  /** Starts webhook management, reports and scans against the serving certificate. */
  attach(certs: CertSource): Promise<void>;
  stop(): Promise<void>;
}

export function serviceSans(name: string, namespace: string): string[] {
  return [name, `${name}.${namespace}`, `${name}.${namespace}.svc`, `${name}.${namespace}.svc.cluster.local`];
}

export async function startClusterMode(opts: ClusterModeOptions): Promise<ClusterMode> {
  const log = opts.logger.child({ component: 'cluster' });
  const client = createKubeClient(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {});
  const policies = createClusterPolicySource({
    client,
    ...(opts.policySetOptions ? { policySetOptions: opts.policySetOptions } : {}),
    onSwap: (s) => {
      opts.metrics?.policiesLoaded.set(s.policyCount);
      log.info({ policies: s.policyCount, generation: s.generation, rejected: s.set.rejected.map((r) => `${r.kind}/${r.name}`) }, 'cluster policy set swapped');
    },
    onError: (err, what) => log.warn({ err: String(err), what }, 'policy watch error; retrying'),
  });
  const namespaces = createNamespaceLabels(client, (err) => log.warn({ err: String(err) }, 'namespace watch error; retrying'));
  await Promise.all([policies.start(), namespaces.start()]);
  log.info({ kinds: policies.watchedKinds(), server: client.server }, 'watching cluster policies');
  const lookups = createClusterLookups({ client });
  const backup = opts.backup
    ? await startClusterBackupIntegration({ ...opts.backup, client, namespace: opts.namespace, leaseName: opts.leaseName ?? opts.serviceName ?? 'guardrail', logger: opts.logger })
    : undefined;
  const sans = [...serviceSans(opts.serviceName ?? 'guardrail', opts.namespace), ...(opts.dnsNames ?? [])];
  const certSource = certSourceFor(opts, client, sans, log);
  const counters = opts.metrics ? reportCounters(opts.metrics.registry) : undefined;
  const deps = (): EngineDeps => ({ ...lookups, now: () => new Date() });
  let reports: ReportWriter | undefined;
  let scanner: BackgroundScanner | undefined;
  let webhooks: WebhookManager | undefined;
  const unsubscribe: Array<() => void> = [];
  // A failed scan (a 403 on a kind the RBAC does not grant...) is logged, never swallowed.
  const scanFailed = (err: unknown): void => log.warn({ err: String(err) }, 'background scan failed');

  const mode: ClusterMode = {
    client,
    policies,
    lookups,
    enrichInput: (input) => withNamespaceLabels(input, namespaces.labelsOf),
    ...(certSource ? { certSource } : {}),
    ...(backup ? { backup } : {}),
    onAdmitted(event) {
      if (event.webhook === 'validate') backup?.onAdmitted(event);
      if (!reports || event.webhook !== 'validate' || event.request.dryRun === true) return;
      const req = event.request;
      const obj = (req.object ?? req.oldObject ?? {}) as { metadata?: { name?: string; uid?: string } };
      const name = req.name || obj.metadata?.name || '';
      if (!name) return; // generateName objects have no name before the API server stores them
      const apiVersion = req.kind.group ? `${req.kind.group}/${req.kind.version}` : req.kind.version;
      const resource = { apiVersion, kind: req.kind.kind, name, ...(req.namespace ? { namespace: req.namespace } : {}), ...(obj.metadata?.uid ? { uid: obj.metadata.uid } : {}) };
      const responses = event.responses.map((r) => ({ ...r, results: r.results.filter((x) => x.ruleType === 'validation' && x.status !== 'skip') })).filter((r) => r.results.length);
      reports.record({ resource, responses, at: new Date(), deleted: req.operation === 'DELETE' });
    },
    async attach(certs) {
      const target = opts.webhookUrl ? { url: opts.webhookUrl } : opts.serviceName ? { service: { namespace: opts.namespace, name: opts.serviceName, port: opts.servicePort ?? 443 } } : undefined;
      if (target) {
        const manager = createWebhookManager({
          client,
          target,
          ownNamespace: opts.namespace,
          policies: () => ({ set: policies.current().set, documents: policies.documents() }),
          caBundle: () => certs.current().ca,
          onApplied: (c) => log.info({ validating: (c.validating.webhooks as unknown[]).length, mutating: (c.mutating.webhooks as unknown[]).length }, 'webhook configurations applied'),
          onError: (err) => log.error({ err: String(err) }, 'applying webhook configurations failed'),
        });
        webhooks = manager;
        await manager.sync();
        unsubscribe.push(policies.onChange(() => manager.schedule()), certs.onChange(() => manager.schedule()));
      } else log.warn('no --webhook-url or --service-name: webhook configurations are not managed');
      await backup?.attach(target, certs);
      if (opts.reports !== false) {
        const writer = createReportWriter({
          sink: createClusterReportSink(client),
          metaOf: (p, ns) => policyMetaOf(policies.scanSet())(p, ns),
          ...(opts.reportFlushMs ? { flushIntervalMs: opts.reportFlushMs } : {}),
          onDrop: () => counters?.dropped.inc(),
          onError: (err, report) => log.warn({ err: String(err), report }, 'writing a policy report failed; retrying'),
        });
        reports = writer;
        writer.start();
        const leader = createLeaderElector({
          client,
          namespace: opts.namespace,
          name: opts.leaseName ?? opts.serviceName ?? 'guardrail',
          identity: `${hostname()}-${randomBytes(3).toString('hex')}`,
          onChange: (leading) => {
            log.info({ leading }, leading ? 'leader: running background scans' : 'not the leader: background scans paused');
            if (leading) void scanner?.scanOnce().catch(scanFailed);
          },
          onError: (err) => log.warn({ err: String(err) }, 'leader election failed; not leading'),
        });
        mode.leader = leader;
        leader.start();
        unsubscribe.push(() => leader.stop());
        scanner = createBackgroundScanner({
          active: () => leader.isLeader(),
          policies: () => {
            const set = policies.scanSet();
            return { ...set, handlers: backgroundHandlers(set.handlers, policies.documents()) };
          },
          resources: createResourceLister(client, () => policies.documents()),
          deps,
          record: (e) => writer.record(e),
          namespaceLabels: namespaces.labelsOf,
          ...(opts.scanIntervalMs ? { intervalMs: opts.scanIntervalMs } : {}),
          onError: (err) => log.warn({ err: String(err) }, 'background scan failed'),
          onDone: (s) => log.info(s, 'background scan done'),
        });
        scanner.start();
        // A new or changed policy is scanned soon, not an hour later.
        unsubscribe.push(policies.onChange(() => void scanner?.scanOnce().catch(scanFailed)));
        void scanner.scanOnce().catch(scanFailed);
      }
      Object.assign(mode, { ...(reports ? { reports } : {}), ...(scanner ? { scanner } : {}), ...(webhooks ? { webhooks } : {}) });
    },
    async stop() {
      for (const u of unsubscribe) u();
      await backup?.stop();
      webhooks?.stop();
      scanner?.stop();
      await reports?.stop().catch(() => undefined);
      await Promise.all([policies.stop(), namespaces.stop()]);
    },
  };
  return mode;
}

function certSourceFor(opts: ClusterModeOptions, client: KubeClient, sans: string[], log: Logger): CertSource | undefined {
  const onEvent = (e: { type: string; message: string }): void => log[e.type === 'error' ? 'warn' : 'info']({ certMode: opts.certMode }, e.message);
  if (opts.certMode === 'secret') return createSecretCertSource({ store: createSecretStore(client), namespace: opts.namespace, sans, onEvent });
  if (opts.certMode === 'certManager') return createCertManagerCertSource({ dir: opts.certsDir ?? './certs', onEvent });
  // Each replica with its own folder would make its own CA, and each would write its CA into the shared
  // webhook configurations in turn: the caBundle would flap. The chart's selfManaged mode is `secret`.
  log.info({ certMode: opts.certMode }, 'CA from the --certs folder: run one replica, or use --cert-mode secret to share the CA through a Secret');
  return undefined;
}
