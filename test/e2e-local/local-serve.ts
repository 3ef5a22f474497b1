/**
 * A local `guardrail serve` as a new user starts it, for the local end-to-end tests: a fresh folder with the
 * shipped data-protection policies and backup-config, the real CLI over HTTPS on a free port, its CA.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(REPO, 'bin/guardrail.js');

/** One of ../shared/seed's AdmissionReviews (the scenario Guardrail was designed from). */
export const seed = (name: string): unknown => JSON.parse(readFileSync(join(REPO, '../shared/seed', `${name}.review.json`), 'utf8'));

export interface LocalServe {
  root: string;
  url: string;
  ca: string;
  process: ChildProcess;
}

export async function startLocalServe(prefix: string, env: NodeJS.ProcessEnv): Promise<LocalServe> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(join(root, 'policies'));
  // require-immutable-location looks BackupPolicies and LocationProfiles up through the API server
  // (apiCall): cluster mode only. The label guardrail and the BackupPolicy checks work offline.
  for (const f of await readdir(join(REPO, 'policies/data-protection'))) {
    if (f.endsWith('.yaml') && f !== 'require-immutable-location.yaml') await copyFile(join(REPO, 'policies/data-protection', f), join(root, 'policies', f));
  }
  await cp(join(REPO, 'backup-config'), join(root, 'backup-config'), { recursive: true });
  const serve = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('guardrail serve did not start in 30 s')), 30_000);
    createInterface({ input: serve.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'guardrail webhook listening' && entry.url) {
        clearTimeout(timer);
        resolve(entry.url);
      }
    });
    serve.on('exit', () => reject(new Error('guardrail serve exited before listening')));
  });
  return { root, url, ca: await readFile(join(root, 'certs', 'ca.pem'), 'utf8'), process: serve };
}
