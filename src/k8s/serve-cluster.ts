/**
 * `guardrail serve` in cluster mode: the same fastify app as local mode (buildApp), fed by startClusterMode
 * (cluster policies, lookups, reports) instead of a policy folder, on the chosen certificate source; the
 * webhook configurations are applied only once HTTPS listens. It mirrors startServer's listen/shutdown
 * sequence because startServer builds its own folder store; once startServer accepts a PolicyProvider,
 * lookups and an input enricher, this file shrinks to startClusterMode + startServer.
 */
import type { AddressInfo } from 'node:net';
import { createCertSource, inspectCert, type CertSource } from '../certs/index.js';
import { createBackupMetrics, createMetrics, type Metrics } from '../observability/index.js';
import { defaultPolicySetOptions } from '../policies-engine.js';
import { buildApp, followCertificates, type RunningServer } from '../server/index.js';
import { serviceSans, startClusterMode, type ClusterMode, type ClusterModeOptions } from './cluster-mode.js';

export interface ClusterServeOptions extends Omit<ClusterModeOptions, 'metrics' | 'policySetOptions'> {
  host: string;
  port: number;
  certsDir: string;
  shutdownDelayMs?: number;
  evalTimeoutMs?: number;
  metrics?: Metrics;
}

export interface RunningClusterServer extends Omit<RunningServer, 'policies' | 'kubeconfig'> {
  cluster: ClusterMode;
}

export async function startClusterServer(opts: ClusterServeOptions): Promise<RunningClusterServer> {
  const log = opts.logger;
  const metrics = opts.metrics ?? createMetrics({ processMetrics: true });
  const policySetOptions = defaultPolicySetOptions();
  const backupMetrics = createBackupMetrics(metrics.registry);
  const cluster = await startClusterMode({
    ...opts,
    metrics,
    policySetOptions,
    ...(opts.backup
      ? {
          backup: {
            ...opts.backup,
            onRun: (r) => {
              if (r.restorePoint.status?.state === 'Complete') metrics.backupLastSuccess.set({ policy: r.restorePoint.spec.policy.name }, Date.parse(r.restorePoint.spec.time) / 1000);
              opts.backup?.onRun?.(r);
            },
            onCompliance: (results) => {
              backupMetrics.record(results);
              opts.backup?.onCompliance?.(results);
            },
          },
        }
      : {}),
  });
  const sans = [...serviceSans(opts.serviceName ?? 'guardrail', opts.namespace), ...(opts.dnsNames ?? [])];
  const certs: CertSource = cluster.certSource ?? createCertSource('files', { dir: opts.certsDir, sans, onEvent: (e) => log[e.type === 'error' ? 'warn' : 'info']({ certs: opts.certsDir }, e.message) });
  await certs.start();
  const setExpiry = (cert: string): void => metrics.certificateExpiry.set(inspectCert(cert).notAfter.getTime() / 1000);
  setExpiry(certs.current().cert);
  const { app, lifecycle, httpsServer } = buildApp({
    policies: cluster.policies,
    logger: log,
    metrics,
    certs,
    tls: certs.current(),
    policySetOptions,
    lookups: cluster.lookups,
    onAdmitted: (e) => cluster.onAdmitted(e),
    enrichInput: cluster.enrichInput,
    ...(cluster.backup ? { extension: cluster.backup.extension } : {}),
    ...(opts.evalTimeoutMs !== undefined ? { evalTimeoutMs: opts.evalTimeoutMs } : {}),
  });
  if (!httpsServer) throw new Error('internal: HTTPS server was not created');
  const unfollow = followCertificates(httpsServer, certs, (b) => {
    setExpiry(b.cert);
    log.info({ notAfter: inspectCert(b.cert).notAfter.toISOString() }, 'serving a renewed certificate');
  });
  await app.listen({ host: opts.host, port: opts.port, listenTextResolver: (a) => `HTTPS listening at ${a.replace(/^http:/, 'https:')}` });
  const port = (app.server.address() as AddressInfo).port;
  const url = `https://${opts.host === '0.0.0.0' || opts.host === '' ? '127.0.0.1' : opts.host}:${port}`;
  await cluster.attach(certs);
  log.info({ url, policies: cluster.policies.current().policyCount, namespace: opts.namespace, certMode: opts.certMode }, 'guardrail webhook listening (cluster mode)');
  let closing: Promise<void> | undefined;
  const shutdown = (): Promise<void> =>
    (closing ??= (async () => {
      lifecycle.markDraining();
      if (opts.shutdownDelayMs) await new Promise((r) => setTimeout(r, opts.shutdownDelayMs));
      await app.close();
      unfollow();
      await cluster.stop();
      await certs.stop();
      log.info('stopped');
    })());
  return { url, host: opts.host, port, app, certs, metrics, lifecycle, cluster, shutdown };
}
