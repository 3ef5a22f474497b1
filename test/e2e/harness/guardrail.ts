/**
 * `guardrail serve` as a child process, the way an operator runs it outside a cluster: HTTPS on a free
 * port, a self-made CA in a temporary certs folder, policies from a folder. The caBundle for the webhook
 * configurations comes from `guardrail certs ca-bundle`, the documented way.
 */
import { join } from 'node:path';
import { httpsGet } from './https-get.js';
import { freePort } from './ports.js';
import { startProcess, waitFor, type Managed } from './processes.js';
import { run } from './run.js';
import { REPO_ROOT } from './tools.js';

const CLI = join(REPO_ROOT, 'bin/guardrail.js');

export interface RunningGuardrail {
  port: number;
  url: string;
  caBundle: string;
  proc: Managed;
  stop(): Promise<void>;
}

export interface GuardrailOptions {
  certsDir: string;
  policiesDir: string;
  logFile: string;
  /** Reuse a port (restart after a stop), so registered webhook URLs stay valid. */
  port?: number;
  kubeconfig?: string;
}

export async function startGuardrail(opts: GuardrailOptions): Promise<RunningGuardrail> {
  const port = opts.port ?? (await freePort());
  const args = [CLI, 'serve', '--host', '127.0.0.1', '--port', String(port), '--certs', opts.certsDir, '--policies', opts.policiesDir];
  if (opts.kubeconfig) args.push('--kubeconfig', opts.kubeconfig);
  const proc = startProcess('guardrail serve', process.execPath, args, opts.logFile, { ...process.env, NO_COLOR: '1' });
  const url = `https://127.0.0.1:${port}`;
  await waitFor(proc, '/readyz', async () => (await httpsGet(`${url}/readyz`)).status === 200, 60_000);
  const bundle = await run(process.execPath, [CLI, 'certs', 'ca-bundle', '--certs', opts.certsDir]);
  if (bundle.code !== 0) throw new Error(`guardrail certs ca-bundle failed: ${bundle.stderr}`);
  return { port, url, caBundle: bundle.stdout.trim(), proc, stop: () => proc.stop() };
}

/** True when this checkout's CLI has the `serve` command (the server lands separately from the harness). */
export async function hasServeCommand(): Promise<boolean> {
  const res = await run(process.execPath, [CLI, 'serve', '--help'], { timeoutMs: 30_000 }).catch(() => undefined);
  return res?.code === 0 && res.stdout.includes('--port');
}
