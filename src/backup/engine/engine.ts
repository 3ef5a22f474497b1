/**
 * The in-process data-protection engine (local mode): app registry, runs (one per app at a time), status
 * from src/backup/compliance, restore point listing. `guardrail serve` and `guardrail backup` share it.
 */
import { evaluateCompliance, type ComplianceResult } from '../compliance/index.js';
import { createLocalFolderCapture, type VolumeCapture } from '../capture/index.js';
import type { RestorePoint } from '../api/index.js';
import { createAppRegistry, appId, type AppRegistry, type RegisteredApp } from './app-registry.js';
import { formatErrors, loadLocalConfig, type LocalConfig } from './local-config.js';
import { resolvePassword, type ResolvedPassword } from './password.js';
import type { RepoAccess } from './repositories.js';
import { createRestorePointStore, type RestorePointStore } from './restore-point-store.js';
import { runBackup, type RunResult } from './run-backup.js';
import { statePaths, type StatePaths } from './state-paths.js';

export interface EngineOptions {
  readonly configDir: string;
  readonly stateDir: string;
  readonly volumesRoot: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly passwordFile?: string;
  readonly now?: () => number;
  /** Told once when a password is generated into the state folder. */
  readonly onPassword?: (p: ResolvedPassword) => void;
  readonly volumes?: VolumeCapture;
}

export interface RunFilter {
  readonly app?: string;
  readonly policy?: string;
}

export interface BackupEngine {
  readonly configDir: string;
  readonly paths: StatePaths;
  readonly registry: AppRegistry;
  readonly store: RestorePointStore;
  readonly volumes: VolumeCapture;
  /** Re-read on every call: the folder may change while serve runs. Throws on config errors. */
  config(): Promise<LocalConfig>;
  access(): Promise<RepoAccess>;
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
  const registry = createAppRegistry(paths.apps);
  const store = createRestorePointStore(paths.restorePoints);
  const volumes = o.volumes ?? createLocalFolderCapture(o.volumesRoot);
  const now = o.now ?? Date.now;
  const running = new Map<string, Promise<RunResult>>();
  let password: Promise<ResolvedPassword> | undefined;
  const config = async (): Promise<LocalConfig> => {
    const c = await loadLocalConfig(o.configDir);
    if (c.errors.length) throw new EngineConfigError(`backup config ${o.configDir} is invalid:\n${formatErrors(c.errors)}`);
    return c;
  };
  const access = async (): Promise<RepoAccess> => {
    password ??= resolvePassword({ env: o.env, generatedFile: paths.password, ...(o.passwordFile ? { passwordFile: o.passwordFile } : {}) }).then((p) => {
      if (p.source === 'generated') o.onPassword?.(p);
      return p;
    });
    return { password: (await password).password, trustDir: paths.trust, env: o.env };
  };
  const runApp = (app: RegisteredApp, signal?: AbortSignal): Promise<RunResult> => {
    const id = appId(app);
    const current = running.get(id);
    if (current) return current; // one run per app at a time: a second request joins the first
    const p = (async () => runBackup(app, { config: await config(), paths, store, access: await access(), volumes, now, ...(signal ? { signal } : {}) }))().finally(() => running.delete(id));
    running.set(id, p);
    return p;
  };
  return {
    configDir: o.configDir,
    paths,
    registry,
    store,
    volumes,
    config,
    access,
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
