/**
 * SIGTERM under load, against the real CLI process (`guardrail serve`): /readyz turns 503 first (load
 * balancers stop sending), every request already in flight is answered, and the process exits 0.
 * The held requests send half a body, then the rest well after the signal, so they are in flight while
 * the server closes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyLabelsPolicy, seedReview } from './fixtures/reviews.js';
import { httpsRequest, postReview } from './https-client.js';

const BIN = fileURLToPath(new URL('../../bin/guardrail.js', import.meta.url));

async function spawnServe(): Promise<{ child: ChildProcess; url: string; ca: string; exit: Promise<number | null> }> {
  const root = await mkdtemp(join(tmpdir(), 'guardrail-sigterm-'));
  await copyLabelsPolicy(join(root, 'policies'));
  const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--shutdown-delay', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('guardrail serve did not start in 60 s')), 60_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'guardrail webhook listening' && entry.url) {
        clearTimeout(timer);
        resolve(entry.url);
      }
    });
    child.on('exit', () => reject(new Error('guardrail serve exited before listening')));
  });
  return { child, url, ca: await readFile(join(root, 'certs', 'ca.pem'), 'utf8'), exit };
}

describe('guardrail serve on SIGTERM', () => {
  it('drains: readyz 503, in-flight requests answered, exit 0', async () => {
    const { child, url, ca, exit } = await spawnServe();
    const failures: string[] = [];
    let answered = 0;
    let notReady = false;
    const worker = async (): Promise<void> => {
      for (let i = 0; i < 500 && !notReady; i++) {
        try {
          const res = await postReview(`${url}/validate`, seedReview('noncompliant'), ca);
          const review = res.json<{ response: { allowed: boolean } }>();
          if (res.status !== 200 || review.response.allowed) failures.push(`status ${res.status}`);
          else answered++;
        } catch (err) {
          failures.push(String(err));
        }
      }
    };
    const poller = async (): Promise<void> => {
      while (!notReady) {
        const res = await httpsRequest(`${url}/readyz`, { ca });
        if (res.status === 503) notReady = true;
        else await new Promise((r) => setTimeout(r, 25));
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    const polling = poller();
    while (answered < 20) await new Promise((r) => setTimeout(r, 10));
    let halves = 0;
    const held = Array.from({ length: 5 }, () =>
      postReview(`${url}/validate`, seedReview('compliant'), ca, { splitBodyPauseMs: 1500, onFirstHalfWritten: () => void (++halves === 5 && child.kill('SIGTERM')) }),
    );
    const heldResults = await Promise.all(held);
    await Promise.all([...workers, polling]);
    expect(await exit).toBe(0);
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(20);
    expect(heldResults.map((r) => [r.status, r.json<{ response: { allowed: boolean } }>().response.allowed])).toEqual(Array(5).fill([200, true]));
  }, 90_000);
});
