/**
 * Backup hooks (local mode): commands run around a capture. K10 calls them Blueprint actions
 * (https://docs.kasten.io/latest/kanister/hooks.html); here a hook is a command, not a Kanister function.
 * - exec: a command whose exit status matters (freeze before, unfreeze after);
 * - dump: a command whose stdout becomes a file of the restore point (a logical dump such as pg_dump).
 */
export interface ExecHook {
  readonly exec: readonly string[];
  /** Go duration; default 60s. */
  readonly timeout?: string;
}

export interface DumpHook {
  readonly dump: readonly string[];
  /** File name inside the restore point's dumps/ folder; default `<hook name>.out`. */
  readonly file?: string;
  readonly timeout?: string;
}

export type HookSpec = ExecHook | DumpHook;

export type HookErrorCode = 'HOOK_NOT_FOUND' | 'HOOK_TIMEOUT' | 'HOOK_FAILED' | 'HOOK_SPAWN_FAILED' | 'HOOK_ABORTED';

export interface HookOutcome {
  readonly hook: string;
  readonly phase: 'pre' | 'post';
  readonly ok: boolean;
  readonly code?: HookErrorCode;
  readonly message: string;
  /** For dump hooks: the file written, relative to the restore point's root. */
  readonly file?: string;
  readonly bytes?: number;
}

export const isDumpHook = (h: HookSpec): h is DumpHook => 'dump' in h;
