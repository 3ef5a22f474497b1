/**
 * The in-process data-protection engine: app registry, runs (one per app at a time), status from
 * src/backup/compliance, restore point listing. `guardrail serve` and `guardrail backup` share it. Local
 * mode reads folders; cluster mode (src/k8s/backup) plugs in its config source, registry, RestorePoint
 * store, object source and CSI volume capture through the same options.
 */
import { evaluateCompliance, type ComplianceResult } from '../compliance/index.js';
import { createLocalFolderCapture, type VolumeCapture } from '../capture/index.js';
import type { LocationProfile, RestorePoint } from '../api/index.js';
import { createAppRegistry, appId, type AppRegistry, type RegisteredApp } from './app-registry.js';
import { formatErrors, type LocalConfig } from './local-config.js';
import { resolvePassword, type ResolvedPassword } from './password.js';
import type { RepoAccess } from './repositories.js';
import { createRestorePointStore, type RestorePointStore } from './restore-point-store.js';
import { runBackup, type RunResult } from './run-backup.js';
import { statePaths, type StatePaths } from './state-paths.js';
import { createFolderConfigSource, relatedObjectSource, type BackupConfigSource, type ObjectSource, type VolumesFor } from './sources.js';

export interface EngineOptions {
  /** Local mode's config folder; ignored when `source` is given. */
  readonly configDir: string;
  readonly stateDir: string;
  readonly volumesRoot: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly passwordFile?: string;
  readonly now?: () => number;
  /** Told once when a password is generated into the state folder. */
  readonly onPassword?: (p: ResolvedPassword) => void;
  readonly volumes?: VolumeCapture;
  /** Cluster mode: the pieces that replace local mode's folders. */
  readonly source?: BackupConfigSource;
  readonly registry?: AppRegistry;
  readonly store?: RestorePointStore;
  readonly objects?: ObjectSource;
  readonly volumesFor?: VolumesFor;
  /** The repository password (cluster: a Secret); default --password-file, env, or a generated file. */
  readonly password?: () => Promise<ResolvedPassword>;
}

export interface RunFilter {
  readonly app?: string;
  readonly policy?: string;
}

export interface BackupEngine {
  /** The config folder, or the API server's URL in cluster mode. */
  readonly configDir: string;
  readonly source: BackupConfigSource;
  readonly paths: StatePaths;
  readonly registry: AppRegistry;
  readonly store: RestorePointStore;
  readonly volumes: VolumeCapture;
  /** Re-read on every call: the folder may change while serve runs. Throws on config errors. */
  config(): Promise<LocalConfig>;
  access(): Promise<RepoAccess>;
  /** Access to a LocationProfile's repository: its credentials and trust store over access(). */
  accessFor(profile: LocationProfile): Promise<RepoAccess>;
  run(filter: RunFilter, signal?: AbortSignal): Promise<RunResult[]>;
  runApp(app: RegisteredApp, signal?: AbortSignal): Promise<RunResult>;
  status(): Promise<ComplianceResult[]>;
  list(app?: string): Promise<RestorePoint[]>;
}

export class EngineConfigError extends Error {
  readonly code = 'BACKUP_CONFIG_INVALID';
}

export function createBackupEngine(o: EngineOptions): BackupEngine {
  const paths = statePaths(o.stateDir);
  const source = o.source ?? createFolderConfigSource(o.configDir);
  const registry = o.registry ?? createAppRegistry(paths.apps);
  const store = o.store ?? createRestorePointStore(paths.restorePoints);
  const objects = o.objects ?? relatedObjectSource;
  const volumes = o.volumes ?? createLocalFolderCapture(o.volumesRoot);
  const now = o.now ?? Date.now;
  const running = new Map<string, Promise<RunResult>>();
  let password: Promise<ResolvedPassword> | undefined;
  const config = async (): Promise<LocalConfig> => {
    const c = await source.load();
    if (c.errors.length) throw new EngineConfigError(`backup config ${source.where} is invalid:\n${formatErrors(c.errors)}`);
    return c;
  };
  const access = async (): Promise<RepoAccess> => {
    password ??= (o.password ? o.password() : resolvePassword({ env: o.env, generatedFile: paths.password, ...(o.passwordFile ? { passwordFile: o.passwordFile } : {}) })).then((p) => {
      if (p.source === 'generated') o.onPassword?.(p);
      return p;
    });
    return { password: (await password).password, trustDir: paths.trust, env: o.env };
  };
  const accessFor = async (profile: LocationProfile): Promise<RepoAccess> => {
    const base = await access();
    const trust = source.trust?.(profile);
    return { ...base, env: { ...base.env, ...(await source.storageEnv?.(profile)) }, ...(trust ? { trust } : {}) };
  };
  const runApp = (app: RegisteredApp, signal?: AbortSignal): Promise<RunResult> => {
    const id = appId(app);
    const current = running.get(id);
    if (current) return current; // one run per app at a time: a second request joins the first
    const p = (async () => {
      const c = await config();
      const policy = c.policies.find((x) => x.metadata.name === app.policy);
      const v = policy && o.volumesFor ? o.volumesFor(policy) : volumes;
      return runBackup(app, { config: c, paths, store, access: await access(), accessFor, objects, volumes: v, now, ...(signal ? { signal } : {}) });
    })().finally(() => running.delete(id));
    running.set(id, p);
    return p;
  };
  return {
    configDir: source.where,
    source,
    paths,
    registry,
    store,
    volumes,
    config,
    access,
    accessFor,
    runApp,
    async run(filter, signal) {
      const apps = (await registry.list()).filter((a) => (!filter.app || appId(a) === filter.app) && (!filter.policy || a.policy === filter.policy));
      const out: RunResult[] = [];
      for (const a of apps) out.push(await runApp(a, signal));
      return out;
    },
    async status() {
      const c = await config();
      const restorePoints = await store.list();
      return (await registry.list()).map((a) => evaluateCompliance({ workload: a.manifest, policies: c.policies, restorePoints, now: now() }));
    },
    async list(app) {
      return (await store.list()).filter((p) => !app || `${p.spec.app.namespace}/${p.spec.app.name}` === app);
    },
  };
}
