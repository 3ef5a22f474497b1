/** Runs a node child with the usage probe preloaded; returns wall time, peak RSS and its output. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./rss-probe.ts', import.meta.url));

export interface ChildRun {
  exitCode: number | null;
  wallMs: number;
  /** Peak resident set size of the child, KiB (getrusage ru_maxrss). */
  maxRssKiB: number;
  cpuMs: number;
  stdout: string;
  stderr: string;
}

/** `node --import tsx --import <probe> <args...>` in `cwd`. */
export function runNodeChild(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<ChildRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'guardrail-bench-'));
  const usageFile = path.join(dir, 'usage.json');
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, ...args], {
      cwd,
      env: { ...env, GUARDRAIL_BENCH_USAGE_FILE: usageFile, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      let usage = { maxRSS: Number.NaN, userCPUTime: 0, systemCPUTime: 0 };
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      } catch {
        // The child died before its exit hook ran (signal): report NaN rather than a made-up figure.
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({
        exitCode: code,
        wallMs,
        maxRssKiB: usage.maxRSS,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}
