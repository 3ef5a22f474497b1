/**
 * The integration as the server sees it, over the local engine: reads the backup config and restore
 * points per request (small folders; cluster mode reads informer caches instead), registers admitted apps.
 */
import type { BackupEngine } from '../engine/index.js';
import type { KubeObject } from '../capture/index.js';
import { backupMutate, backupValidate, registrationOf, type BackupView, type MutateVerdict, type ValidateVerdict } from './backup-admission.js';

export interface BackupAdmission {
  mutate(object: unknown): Promise<MutateVerdict>;
  validate(object: unknown): Promise<ValidateVerdict>;
  /** After a real admission; resolves once the app is in the registry. */
  admitted(object: unknown): Promise<void>;
}

export function createBackupAdmission(engine: BackupEngine, now: () => number = Date.now, prefix?: string): BackupAdmission {
  const view = async (): Promise<BackupView> => {
    const config = await engine.config();
    return { policies: config.policies, restorePoints: await engine.store.list(), now: now(), ...(prefix ? { prefix } : {}) };
  };
  return {
    mutate: async (object) => backupMutate(object, await view()),
    validate: async (object) => backupValidate(object, await view()),
    async admitted(object) {
      const reg = registrationOf(object, await view());
      if (!reg) return;
      await engine.registry.register({ ...reg, admittedAt: new Date(now()).toISOString(), manifest: object as KubeObject });
    },
  };
}
