/**
 * Runs a capture between its hooks: pre hooks in order (the first failure stops the rest and the capture),
 * then the capture, then every post hook — always, also after a failure, a timeout or an abort (SIGTERM to
 * the process), so that an application frozen by a pre hook is never left frozen.
 */
import { join } from 'node:path';
import { parseDuration } from '../../engine/values/index.js';
import { runCommand } from './run-command.js';
import { isDumpHook, type HookOutcome, type HookSpec } from './types.js';

export const DEFAULT_HOOK_TIMEOUT_MS = 60_000;

export interface HookPlan {
  readonly pre: readonly string[];
  readonly post: readonly string[];
}

export interface WithHooksOptions {
  readonly hooks: Readonly<Record<string, HookSpec>>;
  readonly plan: HookPlan;
  /** Folder for dump hooks' files (the restore point's dumps/). */
  readonly dumpDir: string;
  readonly signal?: AbortSignal;
}

export interface WithHooksResult<T> {
  readonly outcomes: HookOutcome[];
  /** Present when the pre hooks succeeded and the capture returned. */
  readonly value?: T;
  /** The first failure (pre hook, capture or post hook), as a message. */
  readonly error?: string;
}

const timeoutOf = (spec: HookSpec): number => {
  const ns = spec.timeout ? parseDuration(spec.timeout) : undefined;
  return ns !== undefined ? ns / 1e6 : DEFAULT_HOOK_TIMEOUT_MS;
};

async function runHook(name: string, phase: 'pre' | 'post', o: WithHooksOptions, signal?: AbortSignal): Promise<HookOutcome> {
  const spec = o.hooks[name];
  if (!spec) return { hook: name, phase, ok: false, code: 'HOOK_NOT_FOUND', message: `hook ${name} is not defined; defined: ${Object.keys(o.hooks).join(', ') || 'none'}` };
  const dump = isDumpHook(spec);
  const file = dump ? (spec.file ?? `${name}.out`) : undefined;
  const r = await runCommand({
    argv: dump ? spec.dump : spec.exec,
    timeoutMs: timeoutOf(spec),
    ...(file ? { stdoutFile: join(o.dumpDir, file) } : {}),
    ...(signal ? { signal } : {}),
  });
  return { hook: name, phase, ok: r.ok, ...(r.code ? { code: r.code } : {}), message: r.message, ...(file ? { file: `dumps/${file}`, bytes: r.bytes } : {}) };
}

export async function withHooks<T>(o: WithHooksOptions, capture: () => Promise<T>): Promise<WithHooksResult<T>> {
  const outcomes: HookOutcome[] = [];
  let error: string | undefined;
  let value: T | undefined;
  let captured = false;
  try {
    for (const name of o.plan.pre) {
      const r = await runHook(name, 'pre', o, o.signal);
      outcomes.push(r);
      if (!r.ok) {
        error = `pre-backup hook ${name} ${r.message}`;
        break;
      }
    }
    if (!error && o.signal?.aborted) error = 'aborted before capture';
    if (!error) {
      value = await capture();
      captured = true;
    }
  } catch (err) {
    error ??= `capture failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    // Post hooks ignore the abort signal: unfreezing is exactly what must still happen on SIGTERM.
    for (const name of o.plan.post) {
      const r = await runHook(name, 'post', o);
      outcomes.push(r);
      if (!r.ok) error ??= `post-backup hook ${name} ${r.message}`;
    }
  }
  return { outcomes, ...(captured && value !== undefined ? { value } : {}), ...(error ? { error } : {}) };
}
