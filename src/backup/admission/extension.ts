/**
 * The integration as the server sees it, over the local engine: reads the backup config and restore
 * points per request (small folders; cluster mode reads informer caches instead), registers admitted apps.
 */
import type { BackupEngine } from '../engine/index.js';
import type { KubeObject } from '../capture/index.js';
import { backupMutate, backupValidate, registrationOf, type BackupView, type MutateVerdict, type ValidateVerdict } from './backup-admission.js';
import { isProtectedWorkload } from './protected.js';

export interface BackupAdmission {
  mutate(object: unknown): Promise<MutateVerdict>;
  validate(object: unknown): Promise<ValidateVerdict>;
  /** After a real admission; resolves once the app is in the registry, true when it was a protected app. */
  admitted(object: unknown): Promise<boolean>;
}

export function createBackupAdmission(engine: BackupEngine, now: () => number = Date.now, prefix?: string): BackupAdmission {
  const view = async (): Promise<BackupView> => {
    const config = await engine.config();
    return { policies: config.policies, restorePoints: await engine.store.list(), now: now(), ...(prefix ? { prefix } : {}) };
  };
  // Most admissions are not of protected workloads: answer those before reading the config (it is read
  // from disk per request in local mode).
  return {
    mutate: async (object) => (isProtectedWorkload(object) ? backupMutate(object, await view()) : { patch: [], warnings: [] }),
    validate: async (object) => (isProtectedWorkload(object) ? backupValidate(object, await view()) : { warnings: [] }),
    async admitted(object) {
      if (!isProtectedWorkload(object)) return false;
      const reg = registrationOf(object, await view());
      if (!reg) return false;
      await engine.registry.register({ ...reg, admittedAt: new Date(now()).toISOString(), manifest: object as KubeObject });
      return true;
    },
  };
}
