/**
 * `guardrail serve`: the admission webhook over HTTPS. With no flags it serves on 0.0.0.0:9443, makes its
 * own CA and certificate in ./certs on first start, and loads ./policies. Thin: flags in, startServer out.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { createLogger, LOG_LEVELS, type LogLevel, type Logger } from '../../observability/index.js';
import { DEFAULT_EVAL_TIMEOUT_MS } from '../../admission/index.js';
import { startServer, type RunningServer } from '../../server/index.js';
// Cluster mode is loaded on use: @kubernetes/client-node alone adds ~65 MB of RSS to a local-mode server.
import type { CertMode } from '../../k8s/index.js';
import { startBackupIntegration } from '../../backup/admission/index.js';
import { createBackupMetrics, createMetrics } from '../../observability/index.js';
import { addBackupOptions, engineFromFlags, type BackupFlags } from './backup.js';

interface ServeFlags extends BackupFlags {
  port: number;
  host: string;
  policies: string;
  certs: string;
  kubeconfig?: string;
  logLevel: LogLevel;
  dnsName: string[];
  shutdownDelay: number;
  evalTimeout: number;
  certMode: CertMode;
  webhookUrl?: string;
  serviceName?: string;
  namespace: string;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number (0-65535)');
  return n;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a number of seconds');
  return n;
}

function parsePositiveSeconds(value: string): number {
  const n = parseSeconds(value);
  if (n === 0) throw new InvalidArgumentError('must be more than 0 seconds');
  return n;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** src/k8s CERT_MODES, listed here so that parsing flags does not load cluster mode (serve.test.ts keeps them equal). */
export const SERVE_CERT_MODES = ['selfManaged', 'secret', 'certManager'] as const satisfies readonly CertMode[];

export function registerServeCommand(program: Command): void {
  addBackupOptions(program.command('serve'))
    .description('run the admission webhook (HTTPS: /validate, /mutate, /validate/policy, /readyz, /metrics)')
    .addOption(new Option('--port <port>', 'HTTPS port').argParser(parsePort).default(9443))
    .option('--host <host>', 'address to listen on', '0.0.0.0')
    .option('--policies <dir>', 'policy folder, watched for changes', './policies')
    .option('--certs <dir>', 'certificate folder (created with a self-made CA when empty)', './certs')
    .option('--kubeconfig <file>', 'cluster mode: policies, namespaces, lookups and reports from this cluster; manages the webhook configurations')
    .addOption(new Option('--cert-mode <mode>', 'cluster mode certificates: selfManaged (--certs folder), secret (CA in a Secret), certManager (mounted Secret in --certs)').choices(SERVE_CERT_MODES).default('selfManaged'))
    .option('--webhook-url <url>', 'cluster mode: base URL the API server calls (Guardrail outside the cluster)')
    .option('--service-name <name>', 'cluster mode: the Service in --namespace the API server calls')
    .option('--namespace <ns>', "cluster mode: Guardrail's namespace (excluded from admission; holds the CA Secret)", process.env.POD_NAMESPACE ?? 'guardrail')
    .addOption(new Option('--log-level <level>', 'log level').choices(LOG_LEVELS).default('info'))
    .option('--dns-name <name>', 'extra DNS name or IP for the serving certificate (repeatable)', collect, [])
    .addOption(new Option('--shutdown-delay <seconds>', 'on SIGTERM, report not ready this long before closing').argParser(parseSeconds).default(0))
    .addOption(
      new Option('--eval-timeout <seconds>', "policy evaluation budget per request; past it failurePolicy decides (keep it below the webhook's timeoutSeconds, 10 s by default)")
        .argParser(parsePositiveSeconds)
        .default(DEFAULT_EVAL_TIMEOUT_MS / 1000),
    )
    .action(async (flags: ServeFlags, cmd: Command) => {
      const logger = createLogger({ level: flags.logLevel });
      // In a pod without --policies, cluster mode is the default (KUBERNETES_SERVICE_HOST is set by the kubelet).
      const inCluster = process.env.KUBERNETES_SERVICE_HOST !== undefined && cmd.getOptionValueSource('policies') === 'default';
      if (flags.kubeconfig || inCluster) {
        const { startClusterServer } = await import('../../k8s/index.js');
        const server = await startClusterServer({
          host: flags.host,
          port: flags.port,
          certsDir: flags.certs,
          dnsNames: flags.dnsName,
          ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}),
          namespace: flags.namespace,
          certMode: flags.certMode,
          ...(flags.webhookUrl ? { webhookUrl: flags.webhookUrl } : {}),
          ...(flags.serviceName ? { serviceName: flags.serviceName } : inCluster && !flags.webhookUrl ? { serviceName: 'guardrail' } : {}),
          logger,
          shutdownDelayMs: flags.shutdownDelay * 1000,
          evalTimeoutMs: flags.evalTimeout * 1000,
          // Data protection from the cluster's BackupPolicies/LocationProfiles; --state holds the working repository.
          // In a pod the root filesystem is read-only (chart: readOnlyRootFilesystem) and /tmp is its emptyDir.
          backup: {
            stateDir: process.env.KUBERNETES_SERVICE_HOST !== undefined && cmd.getOptionValueSource('state') === 'default' ? '/tmp/guardrail/state' : flags.state,
            env: process.env,
            ...(flags.passwordFile ? { passwordFile: flags.passwordFile } : {}),
          },
        });
        return exitOnSignals(server, logger);
      }
      const metrics = createMetrics({ processMetrics: true });
      const backupMetrics = createBackupMetrics(metrics.registry);
      const backup = await startBackupIntegration(engineFromFlags(flags, (m) => logger.warn(m)), logger, {
        onRun: (r) => {
          if (r.restorePoint.status?.state !== 'Complete') return;
          metrics.backupLastSuccess.set({ policy: r.restorePoint.spec.policy.name }, Date.parse(r.restorePoint.spec.time) / 1000);
        },
        onCompliance: (results) => backupMetrics.record(results),
      });
      const server = await startServer({
        metrics,
        host: flags.host,
        port: flags.port,
        policiesDir: flags.policies,
        certsDir: flags.certs,
        dnsNames: flags.dnsName,
        ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}),
        logger,
        shutdownDelayMs: flags.shutdownDelay * 1000,
        evalTimeoutMs: flags.evalTimeout * 1000,
        // Local mode data protection: binding, deny/warn, app registration, scheduled backups.
        extension: backup.extension,
        onAdmitted: (e) => backup.onAdmitted(e),
      });
      exitOnSignals({ shutdown: async () => (await backup.stop(), server.shutdown()) }, logger);
    });
}

/** SIGTERM/SIGINT: drain and exit 0; a second signal exits at once with 1. */
function exitOnSignals(server: Pick<RunningServer, 'shutdown'>, logger: Logger): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    received = true;
    logger.info({ signal }, 'signal received');
    server.shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
