/**
 * What `guardrail serve` runs for data protection: the admission extension over the engine (local mode's
 * folders, or cluster mode's, src/k8s/backup), registration of admitted apps (onAdmitted: allowed and not
 * dryRun), and the scheduler driver (cluster mode: only while this replica holds the backup Lease).
 * A broken backup config is logged and leaves admission to the policies: the webhook must keep answering.
 */
import { stat } from 'node:fs/promises';
import type { Logger } from '../../observability/index.js';
import { isPromise, type MaybePromise } from '../../engine/index.js';
import type { AdmissionRequest } from '../../admission/index.js';
import type { ComplianceResult } from '../compliance/index.js';
import { startDriver, type BackupEngine, type Driver, type RunResult } from '../engine/index.js';
import { createBackupAdmission, type BackupAdmission } from './extension.js';

export interface BackupIntegration {
  /** Empty when data protection is off (no config folder). */
  readonly extension: Partial<BackupAdmission>;
  onAdmitted(event: { request: AdmissionRequest; allowed: boolean }): void;
  /** Aborts running hooks (post hooks still run) and waits for runs to record their RestorePoint. */
  stop(): Promise<void>;
}

export interface BackupIntegrationOptions {
  tickMs?: number;
  /** Called after each scheduled run (metrics). */
  onRun?: (r: RunResult) => void;
  /** Every app's compliance, at start, after each run or registration, and every complianceIntervalMs (metrics). */
  onCompliance?: (results: ComplianceResult[]) => void;
  /** Default 60 s: a restore point ages past its RPO with no run to report it. */
  complianceIntervalMs?: number;
  /** Cluster mode: whether this replica leads (only the Lease holder runs scheduled backups). */
  active?: () => boolean;
}

export async function startBackupIntegration(engine: BackupEngine, log: Logger, opts: BackupIntegrationOptions = {}): Promise<BackupIntegration> {
  const { tickMs } = opts;
  if (engine.source.kind === 'folder' && !(await stat(engine.configDir).then((s) => s.isDirectory(), () => false))) {
    log.info({ backupConfig: engine.configDir }, 'no backup config folder: data protection is off (see backup-config/README.md)');
    return { extension: {}, onAdmitted: () => undefined, stop: async () => undefined };
  }
  const extension = createBackupAdmission(engine);
  const compliance = complianceRefresh(engine, log, opts);
  await engine.config().catch((err: unknown) => log.error({ err: String(err) }, 'backup config invalid; backups will not run until it is fixed'));
  const driver: Driver = await startDriver(engine, {
    ...(tickMs ? { intervalMs: tickMs } : {}),
    ...(opts.active ? { active: opts.active } : {}),
    onRun: (r) => {
      log.info({ restorePoint: r.restorePoint.metadata.name, state: r.restorePoint.status?.state, message: r.restorePoint.status?.message }, 'backup run finished');
      opts.onRun?.(r);
      compliance.refresh();
    },
    onError: (err) => log.error({ err: String(err) }, 'backup scheduler tick failed'),
  });
  const failed = (err: unknown) => {
    log.error({ err: String(err) }, 'data-protection check failed; answering without it');
    return { warnings: [] as string[], patch: [] };
  };
  // A verdict that is ready (an unprotected workload) passes through without a promise.
  const safe = (fn: (o: unknown) => MaybePromise<{ warnings: string[] }>) => (o: unknown) => {
    try {
      const verdict = fn(o);
      return isPromise(verdict) ? verdict.catch(failed) : verdict;
    } catch (err) {
      return failed(err);
    }
  };
  return {
    extension: { ...extension, mutate: safe(extension.mutate) as BackupAdmission['mutate'], validate: safe(extension.validate) as BackupAdmission['validate'] },
    onAdmitted({ request, allowed }) {
      if (!allowed) return;
      const registering = extension.admitted(request.object);
      if (!isPromise(registering)) return; // not a protected workload
      registering.then(
        (registered) => registered && compliance.refresh(), // a newly registered app counts at once, not a minute later
        (err: unknown) => log.error({ err: String(err), uid: request.uid }, 'could not register the app for protection'),
      );
    },
    stop: () => (compliance.stop(), driver.stop()),
  };
}

function complianceRefresh(engine: BackupEngine, log: Logger, opts: BackupIntegrationOptions): { refresh(): void; stop(): void } {
  const { onCompliance } = opts;
  if (!onCompliance) return { refresh: () => undefined, stop: () => undefined };
  const refresh = (): void =>
    void engine.status().then(onCompliance, (err: unknown) => log.warn({ err: String(err) }, 'backup compliance evaluation failed'));
  const timer = setInterval(refresh, opts.complianceIntervalMs ?? 60_000);
  timer.unref();
  refresh();
  return { refresh, stop: () => clearInterval(timer) };
}
