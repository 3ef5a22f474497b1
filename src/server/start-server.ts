/**
 * `guardrail serve` as a library: certificates, policy folder, fastify app over HTTPS with certificate
 * hot reload, and a graceful shutdown (readyz false, optional delay so endpoints drop us, in-flight
 * requests finish in fastify.close(), then stop watchers).
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createCertSource, inspectCert, type CertSource } from '../certs/index.js';
import { formatIssue } from '../engine/index.js';
import { createMetrics, type Logger, type Metrics } from '../observability/index.js';
import { defaultPolicySetOptions } from '../policies-engine.js';
import type { AdmittedEvent } from './answer.js';
import type { AdmissionExtension } from './answer-types.js';
import { buildApp } from './build-app.js';
import type { Lifecycle } from './lifecycle.js';
import { createPolicyStore, type PolicyStore } from './policy-store/index.js';
import { followCertificates } from './tls.js';

export interface ServeOptions {
  host: string;
  port: number;
  policiesDir: string;
  certsDir: string;
  /** Extra SANs for the self-made serving certificate. */
  dnsNames: string[];
  /** Stored for cluster mode (a later task); local mode does not read it. */
  kubeconfig?: string;
  logger: Logger;
  metrics?: Metrics;
  /** Time /readyz reports draining before the listener closes (lets Service endpoints drop us). */
  shutdownDelayMs?: number;
  certSource?: CertSource;
  policyDebounceMs?: number;
  onAdmitted?: (event: AdmittedEvent) => void;
  /** The data-protection integration (src/backup/admission), beside the policy set. */
  extension?: AdmissionExtension;
  /** Evaluation budget per admission in ms (default 8 s, below the API server's 10 s webhook timeout). */
  evalTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  app: FastifyInstance;
  certs: CertSource;
  policies: PolicyStore;
  metrics: Metrics;
  lifecycle: Lifecycle;
  kubeconfig?: string;
  /** Idempotent; resolves once every in-flight request has been answered and watchers stopped. */
  shutdown(): Promise<void>;
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const log = opts.logger;
  const metrics = opts.metrics ?? createMetrics({ processMetrics: true });
  const certs = opts.certSource ?? createCertSource('files', { dir: opts.certsDir, sans: opts.dnsNames, onEvent: (e) => log[e.type === 'error' ? 'warn' : 'info']({ certs: opts.certsDir }, e.message) });
  await certs.start();
  const setExpiry = (cert: string): void => metrics.certificateExpiry.set(inspectCert(cert).notAfter.getTime() / 1000);
  setExpiry(certs.current().cert);
  const policySetOptions = defaultPolicySetOptions();
  const policies = createPolicyStore({
    dir: opts.policiesDir,
    policySetOptions,
    ...(opts.policyDebounceMs !== undefined ? { debounceMs: opts.policyDebounceMs } : {}),
    onReload: (e) => {
      metrics.policyReloads.inc({ result: e.ok ? 'ok' : 'rejected' });
      metrics.policyFilesRejected.set(policies.status().files.filter((f) => f.state === 'rejected').length);
      if (e.ok) log.info({ file: e.file, warnings: e.issues.length }, 'policy file loaded');
      else log.error({ file: e.file, issues: e.issues.map(formatIssue) }, 'policy file rejected; serving its last good version');
    },
    onSwap: (s) => {
      metrics.policiesLoaded.set(s.policyCount);
      log.info({ policies: s.policyCount, generation: s.generation }, 'policy set swapped');
    },
  });
  await policies.start();
  if (!policies.status().dirFound) log.warn({ dir: opts.policiesDir }, 'policy folder not found; serving no policies until it appears');
  const built = buildApp({
    policies,
    logger: log,
    metrics,
    certs,
    tls: certs.current(),
    policySetOptions,
    ...(opts.onAdmitted ? { onAdmitted: opts.onAdmitted } : {}),
    ...(opts.extension ? { extension: opts.extension } : {}),
    ...(opts.evalTimeoutMs !== undefined ? { evalTimeoutMs: opts.evalTimeoutMs } : {}),
  });
  const { app, lifecycle, httpsServer } = built;
  if (!httpsServer) throw new Error('internal: HTTPS server was not created');
  const unfollow = followCertificates(httpsServer, certs, (b) => {
    setExpiry(b.cert);
    log.info({ notAfter: inspectCert(b.cert).notAfter.toISOString() }, 'serving a renewed certificate');
  });
  // fastify's own listen line would say http:// (it does not know our server factory speaks TLS).
  await app.listen({ host: opts.host, port: opts.port, listenTextResolver: (address) => `HTTPS listening at ${address.replace(/^http:/, 'https:')}` });
  const address = app.server.address() as AddressInfo;
  const url = `https://${urlHost(opts.host)}:${address.port}`;
  log.info({ url, policies: policies.current().policyCount, kubeconfig: opts.kubeconfig }, 'guardrail webhook listening');
  let closing: Promise<void> | undefined;
  const shutdown = (): Promise<void> =>
    (closing ??= (async () => {
      lifecycle.markDraining();
      log.info({ delayMs: opts.shutdownDelayMs ?? 0 }, 'shutting down: readyz reports not ready');
      if (opts.shutdownDelayMs) await new Promise((r) => setTimeout(r, opts.shutdownDelayMs));
      await app.close();
      unfollow();
      policies.stop();
      await certs.stop();
      log.info('stopped');
    })());
  return { url, host: opts.host, port: address.port, app, certs, policies, metrics, lifecycle, ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}), shutdown };
}

/** A wildcard listen address is reached on loopback; IPv6 literals need brackets in a URL. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
