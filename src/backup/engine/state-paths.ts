/** Where local mode keeps its state (`--state DIR`, default ./.guardrail/state). */
import { join } from 'node:path';

export interface StatePaths {
  readonly root: string;
  /** Registered apps (JSON). */
  readonly apps: string;
  /** One YAML RestorePoint per file. */
  readonly restorePoints: string;
  /** The working repository (the policy's `backup` action); exports go to the LocationProfile's. */
  readonly repository: string;
  /** Journal keys and anchors, outside every repository. */
  readonly trust: string;
  /** Generated repository password (local mode default). */
  readonly password: string;
  /** Staging folders of runs in progress. */
  readonly tmp: string;
  /** Scheduler state, so a restart catches up exactly once. */
  readonly scheduler: string;
}

export function statePaths(root: string): StatePaths {
  return {
    root,
    apps: join(root, 'apps.json'),
    restorePoints: join(root, 'restorepoints'),
    repository: join(root, 'repository'),
    trust: join(root, 'trust'),
    password: join(root, 'repo-password'),
    tmp: join(root, 'tmp'),
    scheduler: join(root, 'scheduler.json'),
  };
}
