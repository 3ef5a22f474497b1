/**
 * Data protection end to end in local mode, as a new user would try it with no cluster: the shipped
 * policies and backup-config in a fresh folder, the real `guardrail serve` over HTTPS, the seed
 * AdmissionReviews, then `guardrail backup run|status|restore` as separate processes on the same folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postReview } from '../integration/https-client.js';
import { BIN, seed, startLocalServe } from './local-serve.js';

interface Cli {
  code: number | null;
  stdout: string;
  stderr: string;
}

function guardrail(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Cli> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, GUARDRAIL_REPO_PASSWORD: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

type Review = { response: { allowed: boolean; patch?: string; warnings?: string[]; status?: { message?: string } } };

let root: string;
let serve: ChildProcess;
let url: string;
let ca: string;

beforeAll(async () => {
  ({ root, url, ca, process: serve } = await startLocalServe('guardrail-dp-', { ...process.env, GUARDRAIL_REPO_PASSWORD: '' }));
}, 40_000);

afterAll(() => {
  serve?.kill('SIGTERM');
});

describe('data protection, local mode, end to end', () => {
  let restorePoint = '';

  it('admission: denies the unlabelled Deployment, binds and admits the compliant one, registers it', async () => {
    const denied = (await postReview(`${url}/validate`, seed('seed-noncompliant'), ca)).json<Review>();
    expect(denied.response.allowed).toBe(false);
    expect(denied.response.status?.message).toMatch(/dataprotection/);
    expect(denied.response.status?.message).toMatch(/immutable/);
    expect(denied.response.status?.message).toMatch(/backup policies that exist: goldpolicy$/);
    const mutated = (await postReview(`${url}/mutate`, seed('seed-compliant'), ca)).json<Review>();
    expect(mutated.response.allowed).toBe(true);
    const patch = JSON.parse(Buffer.from(mutated.response.patch ?? '', 'base64').toString()) as { path: string; value: Record<string, string> }[];
    expect(patch).toContainEqual({ op: 'add', path: '/metadata/annotations', value: { 'backup.guardrail.dev/policy': 'goldpolicy', 'backup.guardrail.dev/bound-at': expect.any(String) } });
    const admitted = (await postReview(`${url}/validate`, seed('seed-compliant'), ca)).json<Review>();
    expect(admitted.response.allowed).toBe(true);
    const apps = join(root, '.guardrail/state/apps.json');
    for (let i = 0; i < 50 && !existsSync(apps); i++) await new Promise((r) => setTimeout(r, 100));
    expect(Object.keys((JSON.parse(await readFile(apps, 'utf8')) as { apps: object }).apps)).toEqual(['nginx/nginx-deployment']);
  });

  it('backup run --all makes a restore point of the manifests and the volume folder; status says Compliant', async () => {
    await mkdir(join(root, 'volumes/nginx/nginx-deployment/html'), { recursive: true });
    await writeFile(join(root, 'volumes/nginx/nginx-deployment/html/index.html'), '<h1>hello from the volume</h1>');
    const run = await guardrail(root, ['backup', 'run', '--all']);
    expect(run.stderr).toMatch(/generated a repository password into .*repo-password \(mode 0600\)/);
    expect(run.code).toBe(0);
    restorePoint = run.stdout.split(/\s+/)[0] ?? '';
    expect(run.stdout).toMatch(/^nginx-deployment-\d{8}t\d{6}z\s+Complete/);
    const status = await guardrail(root, ['backup', 'status', '-o', 'json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual([expect.objectContaining({ app: { namespace: 'nginx', name: 'nginx-deployment' }, state: 'Compliant', policy: 'goldpolicy' })]);
    expect(existsSync(join(root, '.guardrail/repository/config'))).toBe(true); // the export location
  }, 30_000);

  it('backup restore maps the namespace, applies the transforms and brings the volume bytes back', async () => {
    await writeFile(join(root, 'transform.yaml'), stringify({ transforms: [{ kind: 'Deployment', patch: [{ op: 'replace', path: '/spec/replicas', value: 1 }] }] }));
    const r = await guardrail(root, ['backup', 'restore', restorePoint, '--namespace', 'nginx-clone', '--target', 'restored', '--transform', 'transform.yaml']);
    expect(r.code).toBe(0);
    const files = await readdir(join(root, 'restored/nginx-clone'));
    expect(files).toEqual(['00-deployment-nginx-deployment.yaml']);
    const dep = parse(await readFile(join(root, 'restored/nginx-clone', files[0]!), 'utf8')) as { metadata: { namespace: string; annotations: Record<string, string> }; spec: { replicas: number } };
    expect(dep.metadata.namespace).toBe('nginx-clone');
    expect(dep.spec.replicas).toBe(1);
    expect(await readFile(join(root, 'restored/volumes/nginx-clone/nginx-deployment/html/index.html'), 'utf8')).toBe('<h1>hello from the volume</h1>');
  }, 30_000);

  it('bad input: retention finer than the frequency is a clear error (exit 2)', async () => {
    const dir = join(root, 'bad-retention');
    await cp(join(root, 'backup-config'), dir, { recursive: true });
    const file = join(dir, 'goldpolicy.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace("frequency: '@hourly'", "frequency: '@daily'"));
    const r = await guardrail(root, ['backup', 'run', '--all', '--backup-config', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/RETENTION_FINER_THAN_FREQUENCY/);
  }, 20_000);

  it('bad input: an export location that is not writable fails clearly and leaves no Complete restore point', async () => {
    // A path under a regular file cannot be created by anyone, root included (ENOTDIR).
    const blocker = join(root, 'not-a-folder');
    await writeFile(blocker, 'x');
    const dir = join(root, 'bad-location');
    await cp(join(root, 'backup-config'), dir, { recursive: true });
    const file = join(dir, 'goldpolicy.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('./.guardrail/repository', join(blocker, 'repo')));
    const before = JSON.parse((await guardrail(root, ['backup', 'list', '-o', 'json'])).stdout) as { status: { state: string } }[];
    const r = await guardrail(root, ['backup', 'run', '--all', '--backup-config', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Failed\s+export to LocationProfile local-immutable \(.*not-a-folder\/repo\)/);
    const after = JSON.parse((await guardrail(root, ['backup', 'list', '-o', 'json'])).stdout) as { status: { state: string } }[];
    expect(after.filter((p) => p.status.state === 'Complete').length).toBe(before.filter((p) => p.status.state === 'Complete').length);
    expect(after.length).toBe(before.length + 1); // the Failed one, with its reason
  }, 30_000);

  it('bad input: a freeze hook that hangs times out, unfreeze runs, the run fails', async () => {
    const dir = join(root, 'hanging-hook');
    await cp(join(root, 'backup-config'), dir, { recursive: true });
    const marker = join(root, 'unfrozen');
    await writeFile(join(dir, 'hooks.yaml'), stringify({ hooks: { freeze: { exec: ['sh', '-c', 'sleep 60'], timeout: '1s' }, unfreeze: { exec: ['touch', marker] } } }));
    const file = join(dir, 'goldpolicy.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('  actions:', '  hooks:\n    preBackup: [{name: freeze}]\n    postBackup: [{name: unfreeze}]\n  actions:'));
    const started = Date.now();
    const r = await guardrail(root, ['backup', 'run', '--all', '--backup-config', dir]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Failed\s+pre-backup hook freeze timed out after 1s/);
    expect(existsSync(marker)).toBe(true);
  }, 30_000);
});
