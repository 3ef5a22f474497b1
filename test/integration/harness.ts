/** Starts the real HTTPS webhook in-process on 127.0.0.1, port 0, over temporary policy and cert folders. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/observability/index.js';
import { startServer, type RunningServer, type ServeOptions } from '../../src/server/index.js';
import { copyLabelsPolicy } from './fixtures/reviews.js';

export interface TestServer {
  server: RunningServer;
  url: string;
  ca: string;
  policiesDir: string;
  certsDir: string;
  logs: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

export async function startTestServer(extra: Partial<ServeOptions> = {}): Promise<TestServer> {
  const root = await mkdtemp(join(tmpdir(), 'guardrail-it-'));
  const policiesDir = join(root, 'policies');
  const certsDir = join(root, 'certs');
  await copyLabelsPolicy(policiesDir);
  const logs: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      cb();
    },
  });
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    policiesDir,
    certsDir,
    dnsNames: ['guardrail.guardrail.svc'],
    logger: createLogger({ destination }),
    policyDebounceMs: 50,
    ...extra,
  });
  const ca = await readFile(join(certsDir, 'ca.pem'), 'utf8');
  return { server, url: server.url, ca, policiesDir, certsDir, logs, stop: () => server.shutdown() };
}

export async function waitFor(cond: () => boolean | Promise<boolean>, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
