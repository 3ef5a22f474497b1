/**
 * The integration as the server sees it, over the local engine: reads the backup config and restore
 * points per request (small folders; cluster mode reads informer caches instead), registers admitted apps.
 */
import type { MaybePromise } from '../../engine/index.js';
import type { BackupEngine } from '../engine/index.js';
import type { KubeObject } from '../capture/index.js';
import { backupMutate, backupValidate, registrationOf, type BackupView, type MutateVerdict, type ValidateVerdict } from './backup-admission.js';
import { isProtectedWorkload } from './protected.js';

export interface BackupAdmission {
  /** Answered at once (no promise) for a workload that is not protected: most admissions. */
  mutate(object: unknown): MaybePromise<MutateVerdict>;
  validate(object: unknown): MaybePromise<ValidateVerdict>;
  /** After a real admission; settles once the app is in the registry, true when it was a protected app. */
  admitted(object: unknown): MaybePromise<boolean>;
}

/** The verdicts for an unprotected workload, shared (frozen: callers read them). */
const NO_PATCH: MutateVerdict = Object.freeze({ patch: Object.freeze([]) as unknown as MutateVerdict['patch'], warnings: Object.freeze([]) as unknown as string[] });
const NO_WARNINGS: ValidateVerdict = Object.freeze({ warnings: Object.freeze([]) as unknown as string[] });

export function createBackupAdmission(engine: BackupEngine, now: () => number = Date.now, prefix?: string): BackupAdmission {
  const view = async (): Promise<BackupView> => {
    const config = await engine.config();
    return { policies: config.policies, restorePoints: await engine.store.list(), now: now(), ...(prefix ? { prefix } : {}) };
  };
  // Most admissions are not of protected workloads: answer those at once, before reading the config (it
  // is read from disk per request in local mode) and without a promise.
  return {
    mutate: (object) => (isProtectedWorkload(object) ? view().then((v) => backupMutate(object, v)) : NO_PATCH),
    validate: (object) => (isProtectedWorkload(object) ? view().then((v) => backupValidate(object, v)) : NO_WARNINGS),
    admitted(object) {
      if (!isProtectedWorkload(object)) return false;
      return view().then(async (v) => {
        const reg = registrationOf(object, v);
        if (!reg) return false;
        await engine.registry.register({ ...reg, admittedAt: new Date(now()).toISOString(), manifest: object as KubeObject });
        return true;
      });
    },
  };
}
