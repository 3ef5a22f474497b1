/**
 * `guardrail serve` as the container runs it (`node dist/cli/main.js serve`, compiled, local mode), for
 * the benchmark's resident-memory figures of the whole CLI (the library target loads less: no commander,
 * no data-protection integration). Runs in an empty working folder (no backup configuration), listens on
 * 127.0.0.1 with a free port, and reads VmRSS/VmHWM from /proc (Linux).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './corpus.js';

export interface CliServer {
  child: ChildProcess;
  url: string;
  ca: string;
  /** Current and peak resident memory, bytes. */
  rss(): { rss: number; maxRss: number };
  /** SIGTERM (the graceful drain), SIGKILL after 10 s; resolves when the process is gone. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;

function statusKiB(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return Number(line?.replace(/\D+/g, ' ').trim().split(' ')[0] ?? Number.NaN);
}

export function startCliServe(policiesDir: string, certsDir: string): Promise<CliServer> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'guardrail-bench-cli-'));
  const main = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
  const env = { ...process.env };
  delete env.KUBERNETES_SERVICE_HOST;
  const child = spawn(process.execPath, [main, 'serve', '--host', '127.0.0.1', '--port', '0', '--policies', policiesDir, '--certs', certsDir], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (b: Buffer) => {
      buffered += b.toString('utf8');
      const m = /"url":"(https:\/\/[^"]+)".*"msg":"guardrail webhook listening"/.exec(buffered);
      if (!m) return;
      // Keep draining stdout (one line per admission) so the server never blocks on a full pipe.
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      const pid = child.pid ?? 0;
      resolve({
        child,
        url: `${m[1]}/validate`,
        ca: readFileSync(path.join(certsDir, 'ca.pem'), 'utf8'),
        rss: () => ({ rss: statusKiB(pid, 'VmRSS') * 1024, maxRss: statusKiB(pid, 'VmHWM') * 1024 }),
        // The working folder goes with the server (it holds nothing the bench reads afterwards).
        stop: () => stopChild(child).finally(() => rmSync(cwd, { recursive: true, force: true })),
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`guardrail serve exited (${code}) before listening`)));
    // Never hang the benchmark on a server that does not come up: fail with what it printed.
    setTimeout(() => {
      if (child.exitCode !== null || /guardrail webhook listening/.test(buffered)) return;
      child.kill('SIGKILL');
      reject(new Error(`guardrail serve did not listen within ${START_TIMEOUT_MS} ms; output:\n${buffered.slice(-2000)}`));
    }, START_TIMEOUT_MS).unref();
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
