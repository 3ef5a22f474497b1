/**
 * One hook command under a deadline: spawned without a shell (argv as given), SIGTERM at the deadline and
 * SIGKILL 2 s later if it ignores it. stdout goes to a file for dump hooks; stderr is kept (last 2 KiB)
 * for the error message. Never throws: the outcome is a value.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { HookErrorCode } from './types.js';

export interface CommandResult {
  readonly ok: boolean;
  readonly code?: HookErrorCode;
  readonly message: string;
  readonly bytes: number;
}

export interface RunCommandOptions {
  readonly argv: readonly string[];
  readonly timeoutMs: number;
  /** Write stdout here (dump hooks); else stdout is discarded. */
  readonly stdoutFile?: string;
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
}

const KILL_GRACE_MS = 2000;
const STDERR_KEEP = 2048;

export function runCommand(o: RunCommandOptions): Promise<CommandResult> {
  const [cmd, ...args] = o.argv;
  if (!cmd) return Promise.resolve({ ok: false, code: 'HOOK_SPAWN_FAILED', message: 'empty command', bytes: 0 });
  return new Promise((resolve) => {
    let stderr = '';
    let bytes = 0;
    let timedOut = false;
    let aborted = false;
    // Own process group, so a timeout also stops what the command started (`sh -c 'sleep 60'` leaves sleep
    // holding the pipes otherwise, and the hook would never finish).
    const child = spawn(cmd, args, { stdio: ['ignore', o.stdoutFile ? 'pipe' : 'ignore', 'pipe'], env: o.env ?? process.env, detached: true });
    const out = o.stdoutFile ? createWriteStream(o.stdoutFile, { mode: 0o600 }) : undefined;
    if (out && child.stdout) {
      child.stdout.on('data', (b: Buffer) => (bytes += b.length));
      child.stdout.pipe(out);
    }
    child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString('utf8')).slice(-STDERR_KEEP)));
    const signalGroup = (sig: NodeJS.Signals): void => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        child.kill(sig); // the group is gone already
      }
    };
    const stop = (): void => {
      signalGroup('SIGTERM');
      setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, o.timeoutMs);
    const onAbort = (): void => {
      aborted = true;
      stop();
    };
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (r: CommandResult): void => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      if (out) out.end(() => resolve(r));
      else resolve(r);
    };
    child.on('error', (err) => finish({ ok: false, code: 'HOOK_SPAWN_FAILED', message: `cannot run ${cmd}: ${err.message}`, bytes }));
    child.on('close', (status, sig) => {
      const tail = stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : '';
      if (timedOut) return finish({ ok: false, code: 'HOOK_TIMEOUT', message: `timed out after ${o.timeoutMs / 1000}s (sent SIGTERM)`, bytes });
      if (aborted) return finish({ ok: false, code: 'HOOK_ABORTED', message: `aborted (${sig ?? 'SIGTERM'})`, bytes });
      if (status === 0) return finish({ ok: true, message: 'ok', bytes });
      finish({ ok: false, code: 'HOOK_FAILED', message: `exited with ${status ?? sig}${tail}`, bytes });
    });
  });
}
