/** `guardrail certs init` and `guardrail certs ca-bundle`, run through the real command tree. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { inspectCert } from '../../src/certs/index.js';

async function run(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  process.exitCode = 0;
  const argv = ['node', 'guardrail', ...args];
  await (await buildProgram(argv)).parseAsync(argv);
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  vi.restoreAllMocks();
  return { stdout, stderr, exitCode };
}

afterEach(() => vi.restoreAllMocks());

describe('guardrail certs', () => {
  it('init creates the folder; ca-bundle prints the base64 CA PEM', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'guardrail-cli-certs-')), 'certs');
    const init = await run(['certs', 'init', '--certs', dir, '--dns-name', 'guardrail.guardrail.svc']);
    expect(init.stderr).toContain('created-ca, issued');
    expect(inspectCert(await readFile(join(dir, 'tls.crt'), 'utf8')).sans).toContain('guardrail.guardrail.svc');
    const out = await run(['certs', 'ca-bundle', '--certs', dir]);
    expect(out.exitCode).toBe(0);
    expect(Buffer.from(out.stdout.trim(), 'base64').toString('utf8')).toBe(await readFile(join(dir, 'ca.pem'), 'utf8'));
  });

  it('ca-bundle exits 2 when there is no CA', async () => {
    const out = await run(['certs', 'ca-bundle', '--certs', await mkdtemp(join(tmpdir(), 'guardrail-cli-empty-'))]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('no ca.pem');
  });
});
