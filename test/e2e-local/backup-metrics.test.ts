/**
 * Backup compliance metrics through GET /metrics of a real local `guardrail serve` (issue #8): a registered
 * app without a restore point is counted NonCompliant (NO_RESTORE_POINT) under its policy with the policy's
 * expected interval; after `guardrail backup run` it is counted Compliant. Apps are counted, never named.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsRequest, postReview } from '../integration/https-client.js';
import { BIN, seed, startLocalServe } from './local-serve.js';

const ENV = { ...process.env, GUARDRAIL_REPO_PASSWORD: '', NO_COLOR: '1' };

let root: string;
let serve: ChildProcess;
let url: string;
let ca: string;

const metricLines = async (): Promise<string[]> =>
  (await httpsRequest(`${url}/metrics`, { ca, method: 'GET' })).body.split('\n').filter((l) => /^guardrail_backup_(apps|noncompliant_apps|expected_interval_seconds)\{/.test(l));

async function eventuallyLines(want: string[], timeoutMs = 10_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await metricLines();
    if (want.every((w) => seen.includes(w))) return seen;
    await new Promise((r) => setTimeout(r, 200));
  }
  return seen;
}

beforeAll(async () => {
  ({ root, url, ca, process: serve } = await startLocalServe('guardrail-backup-metrics-', ENV));
}, 40_000);

afterAll(() => {
  serve?.kill('SIGTERM');
});

describe('backup compliance on /metrics (local serve)', () => {
  it('counts a newly registered app NonCompliant (no restore point yet) with the policy expected interval', async () => {
    expect(await metricLines()).toEqual([]); // no app registered: nothing to count
    expect((await postReview(`${url}/validate`, seed('seed-compliant'), ca)).json<{ response: { allowed: boolean } }>().response.allowed).toBe(true);
    const want = [
      'guardrail_backup_apps{policy="goldpolicy",state="NonCompliant"} 1',
      'guardrail_backup_apps{policy="goldpolicy",state="Compliant"} 0',
      'guardrail_backup_noncompliant_apps{policy="goldpolicy",reason="NO_RESTORE_POINT"} 1',
      'guardrail_backup_expected_interval_seconds{policy="goldpolicy"} 3600',
    ];
    expect((await eventuallyLines(want)).sort()).toEqual([...want].sort());
  });

  it('counts it Compliant after a backup run', async () => {
    await mkdir(join(root, 'volumes/nginx/nginx-deployment/html'), { recursive: true });
    await writeFile(join(root, 'volumes/nginx/nginx-deployment/html/index.html'), 'hello');
    const run = await new Promise<number | null>((resolve) => spawn(process.execPath, [BIN, 'backup', 'run', '--all'], { cwd: root, env: ENV, stdio: 'ignore' }).on('close', resolve));
    expect(run).toBe(0);
    // Serve re-evaluates every minute, and at once when an app is (re-)admitted.
    await postReview(`${url}/validate`, seed('seed-compliant'), ca);
    const want = ['guardrail_backup_apps{policy="goldpolicy",state="Compliant"} 1', 'guardrail_backup_apps{policy="goldpolicy",state="NonCompliant"} 0'];
    const seen = await eventuallyLines(want);
    expect(seen).toEqual(expect.arrayContaining(want));
    expect(seen.filter((l) => l.startsWith('guardrail_backup_noncompliant_apps'))).toEqual([]);
  }, 30_000);
});
