/**
 * Child processes of the suite (etcd, kube-apiserver, guardrail serve): output goes to a log file, so a
 * failure can show its tail; stop() sends SIGTERM, then SIGKILL after a grace period.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';

export interface Managed {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  readonly exited: Promise<number | string>;
  isRunning(): boolean;
  logTail(lines?: number): string;
  stop(graceMs?: number): Promise<void>;
}

export function startProcess(name: string, command: string, args: string[], logFile: string, env?: NodeJS.ProcessEnv): Managed {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(command, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let running = true;
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      running = false;
      resolve(code ?? signal ?? 'unknown');
    });
    child.on('error', (err) => {
      running = false;
      log.write(`\n[harness] spawn failed: ${err.message}\n`);
      resolve('spawn-error');
    });
  });
  const logTail = (lines = 30): string => {
    try {
      return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  const stop = async (graceMs = 5000): Promise<void> => {
    if (!running) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    log.end();
  };
  return { name, pid: child.pid ?? -1, logFile, exited, isRunning: () => running, logTail, stop };
}

/** Polls `probe` until it returns true; fails early (with the log tail) if the process dies. */
export async function waitFor(proc: Managed, what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!proc.isRunning()) throw new Error(`${proc.name} exited while waiting for ${what}:\n${proc.logTail()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${proc.name}: ${what} not reached in ${timeoutMs} ms:\n${proc.logTail()}`);
}
