/**
 * `guardrail backup run|status|list|restore`: the data-protection engine from the command line, local
 * (folders) or, with --kubeconfig, against a cluster (src/k8s/backup: CRs, bound workloads, CSI snapshots).
 * Thin: flags in, src/backup/engine and src/backup/restore-app out. Exit 0 clean, 1 a run failed or an app
 * is not compliant, 2 bad input (config, unknown app or restore point). Data on stdout, summary on stderr.
 */
import { type Command, Option } from 'commander';
import { createBackupEngine, EngineConfigError, type BackupEngine } from '../../backup/engine/index.js';
import { loadTransforms, restoreApp, RestoreError, type RestoreAppOptions } from '../../backup/restore-app/index.js';

export interface BackupFlags {
  backupConfig: string;
  state: string;
  volumesRoot: string;
  passwordFile?: string;
  kubeconfig?: string;
  guardrailNamespace?: string;
  snapshotWait?: string;
}

export const BACKUP_DEFAULTS = { backupConfig: './backup-config', state: './.guardrail/state', volumesRoot: './volumes' } as const;

/** The flags `guardrail backup` and `guardrail serve` share. */
export function addBackupOptions(cmd: Command): Command {
  return cmd
    .option('--backup-config <dir>', 'BackupPolicies, LocationProfiles, hooks.yaml and manifests/ (local mode)', BACKUP_DEFAULTS.backupConfig)
    .option('--state <dir>', 'app registry, RestorePoints and the working repository', BACKUP_DEFAULTS.state)
    .option('--volumes-root <dir>', 'volume data: <dir>/<namespace>/<workload>/<volume>', BACKUP_DEFAULTS.volumesRoot)
    .option('--password-file <file>', 'repository password (else env GUARDRAIL_REPO_PASSWORD, else one generated into the state folder)');
}

/** `guardrail backup` only: the same commands against a cluster. */
function addClusterOptions(cmd: Command): Command {
  return cmd
    .option('--kubeconfig <file>', 'cluster mode: BackupPolicies, LocationProfiles and RestorePoints from this cluster, apps = bound workloads')
    .option('--guardrail-namespace <ns>', "cluster mode: Guardrail's namespace (repository password and trust Secrets)", process.env.POD_NAMESPACE ?? 'guardrail')
    .option('--snapshot-wait <seconds>', 'cluster mode: how long a run waits for each VolumeSnapshot to be readyToUse', '30');
}

/** Cluster mode; @kubernetes/client-node is loaded only then (serve's local mode imports this file too). */
async function clusterOf(f: BackupFlags) {
  const [{ createKubeClient }, k8sBackup] = await Promise.all([import('../../k8s/index.js'), import('../../k8s/backup/index.js')]);
  const client = createKubeClient({ kubeconfig: f.kubeconfig ?? '' });
  const backup = k8sBackup.createClusterBackup({
    client,
    namespace: f.guardrailNamespace ?? 'guardrail',
    stateDir: f.state,
    env: process.env,
    watch: false,
    snapshotWaitMs: Number(f.snapshotWait ?? '30') * 1000,
    ...(f.passwordFile ? { passwordFile: f.passwordFile } : {}),
  });
  return { client, engine: backup.engine, sink: () => k8sBackup.createApiSink(client), volumes: () => k8sBackup.createCsiSnapshotCapture({ client }) };
}

/** The engine `guardrail backup` commands use: the cluster's with --kubeconfig, else local mode's. */
async function engineFor(f: BackupFlags, log: (s: string) => void): Promise<BackupEngine> {
  return f.kubeconfig ? (await clusterOf(f)).engine : engineFromFlags(f, log);
}

/** Local mode's engine (folders), shared with `guardrail serve`. */
export function engineFromFlags(f: BackupFlags, log: (s: string) => void): BackupEngine {
  return createBackupEngine({
    configDir: f.backupConfig,
    stateDir: f.state,
    volumesRoot: f.volumesRoot,
    env: process.env,
    ...(f.passwordFile ? { passwordFile: f.passwordFile } : {}),
    onPassword: (p) => log(`generated a repository password into ${p.file} (mode 0600); keep a copy: without it the backups cannot be read`),
  });
}

const err = (s: string): void => void process.stderr.write(`${s}\n`);
const out = (s: string): void => void process.stdout.write(`${s}\n`);

function action<A extends unknown[]>(fn: (...a: A) => Promise<number>) {
  return async (...a: A): Promise<void> => {
    try {
      process.exitCode = await fn(...a);
    } catch (e) {
      const known = e instanceof EngineConfigError || e instanceof RestoreError;
      err(`guardrail backup: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = known ? 2 : 1;
    }
  };
}

const pad = (rows: string[][]): string => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
};

export function registerBackupCommand(program: Command): void {
  const backup = program.command('backup').description('data protection in local mode: run backups, show compliance, list and restore restore points');
  addClusterOptions(addBackupOptions(backup.command('run').description('take a restore point now')))
    .option('--app <ns/name>', 'one registered app')
    .option('--policy <name>', 'every app bound to this BackupPolicy')
    .option('--all', 'every registered app')
    .action(
      action(async (f: BackupFlags & { app?: string; policy?: string; all?: boolean }) => {
        if (!f.app && !f.policy && !f.all) throw new EngineConfigError('say what to back up: --app NS/NAME, --policy NAME or --all');
        const engine = await engineFor(f, err);
        const results = await engine.run({ ...(f.app ? { app: f.app } : {}), ...(f.policy ? { policy: f.policy } : {}) });
        if (results.length === 0) {
          const where = f.kubeconfig ? 'workloads bound by the webhook (annotation backup.guardrail.dev/policy)' : engine.paths.apps;
          throw new EngineConfigError(`no registered app matches; apps are registered when guardrail serve admits them (${where})`);
        }
        for (const r of results) {
          const rp = r.restorePoint;
          out(`${rp.metadata.name}  ${rp.status?.state}${rp.status?.message ? `  ${rp.status.message}` : ''}`);
        }
        const failed = results.filter((r) => !r.ok).length;
        err(`${results.length} app(s) backed up, ${failed} failed`);
        return failed ? 1 : 0;
      }),
    );
  addClusterOptions(addBackupOptions(backup.command('status').description('compliance per app: Unmanaged, Compliant or NonCompliant with reasons')))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(
      action(async (f: BackupFlags & { output: string }) => {
        const status = await (await engineFor(f, err)).status();
        if (f.output === 'json') out(JSON.stringify(status, null, 2));
        else out(pad([['APP', 'POLICY', 'STATE', 'LAST RESTORE POINT', 'REASONS'], ...status.map((s) => [`${s.app.namespace}/${s.app.name}`, s.policy ?? '-', s.state, s.lastRestorePoint?.name ?? '-', s.reasons.map((r) => r.message).join('; ')])]));
        return status.some((s) => s.state === 'NonCompliant') ? 1 : 0;
      }),
    );
  addClusterOptions(addBackupOptions(backup.command('list').description('restore points, oldest first')))
    .option('--app <ns/name>', 'only this app')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(
      action(async (f: BackupFlags & { app?: string; output: string }) => {
        const points = await (await engineFor(f, err)).list(f.app);
        if (f.output === 'json') out(JSON.stringify(points, null, 2));
        else out(pad([['NAME', 'APP', 'POLICY', 'TIME', 'STATE', 'RETENTION'], ...points.map((p) => [p.metadata.name, `${p.spec.app.namespace}/${p.spec.app.name}`, p.spec.policy.name, p.spec.time, p.status?.state ?? '-', (p.spec.retentionTags ?? []).join(',')])]));
        return 0;
      }),
    );
  addClusterOptions(addBackupOptions(backup.command('restore').description('restore a restore point into a folder or (--kubeconfig) the cluster, optionally into another namespace').argument('<restore-point>')))
    .option('--namespace <ns>', 'target namespace (default: the app\'s)')
    .option('--target <dir>', 'target folder (local mode)', './restored')
    .option('--transform <file>', 'JSON-patch transforms (transforms: [{kind, name, patch}])')
    .option('--storage-class <from=to>', 'map a storage class (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .addOption(new Option('--existing <policy>', 'objects that already exist in the target').choices(['skip', 'update']).default('skip'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(
      action(async (name: string, f: BackupFlags & { namespace?: string; target: string; transform?: string; storageClass: string[]; existing: 'skip' | 'update'; output: string }) => {
        const storageClasses = Object.fromEntries(f.storageClass.map((m) => m.split('=', 2) as [string, string]));
        // Cluster mode: objects through the API, PVCs from their VolumeSnapshots; local mode: the target folder.
        const cluster = f.kubeconfig ? await clusterOf(f) : undefined;
        const into: Partial<RestoreAppOptions> = cluster ? { sink: cluster.sink(), volumes: cluster.volumes() } : { target: f.target };
        const r = await restoreApp(cluster?.engine ?? engineFromFlags(f, err), {
          ...into,
          restorePoint: name,
          existing: f.existing,
          storageClasses,
          ...(f.namespace ? { namespace: f.namespace } : {}),
          ...(f.transform ? { transforms: await loadTransforms(f.transform) } : {}),
        });
        if (f.output === 'json') out(JSON.stringify({ restorePoint: name, namespace: r.namespace, preRestorePoint: r.preRestorePoint, items: r.items }, null, 2));
        else out(pad([['KIND', 'NAME', 'NAMESPACE', 'OUTCOME', 'MESSAGE'], ...r.items.map((i) => [i.kind, i.name, i.namespace ?? '', i.outcome, i.message ?? ''])]));
        err(`restored ${name} into ${cluster ? cluster.client.server : f.target} (namespace ${r.namespace})${r.preRestorePoint ? `; the target was saved first as ${r.preRestorePoint}` : ''}`);
        return r.ok ? 0 : 1;
      }),
    );
}
