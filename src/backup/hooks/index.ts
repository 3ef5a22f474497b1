/** Backup hooks: exec (freeze/unfreeze) and logical-dump commands around a capture; post hooks always run. */
export { withHooks, DEFAULT_HOOK_TIMEOUT_MS } from './run-hooks.js';
export type { HookPlan, WithHooksOptions, WithHooksResult } from './run-hooks.js';
export { runCommand } from './run-command.js';
export type { CommandResult, RunCommandOptions } from './run-command.js';
export { isDumpHook } from './types.js';
export type { ExecHook, DumpHook, HookSpec, HookOutcome, HookErrorCode } from './types.js';
export { loadHooks } from './load-hooks.js';
