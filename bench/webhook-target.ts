/**
 * A webhook under test, run as a forked child of bench/webhook.bench.ts (never imported):
 *   bare <certsDir>                 fastify over HTTPS that parses the AdmissionReview and answers allowed
 *   guardrail <certsDir> <policies> `guardrail serve` as a library (startServer), default log level
 * Listens on 127.0.0.1, port 0; sends { port } to the parent, then answers { rss } to 'rss' messages.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify from 'fastify';
import { createHttpsServer, startServer } from '../src/server/index.js';
import { createCertSource } from '../src/certs/index.js';
import { createLogger } from '../src/observability/index.js';
import type { RequestListener, Server as HttpServer } from 'node:http';

const [mode, certsDir = '', policiesDir = ''] = process.argv.slice(2);
const send = (m: unknown) => process.send?.(m);

async function bare(): Promise<number> {
  const certs = createCertSource('files', { dir: certsDir, sans: [] });
  await certs.start();
  const app = Fastify({
    logger: false,
    bodyLimit: 7 * 1024 * 1024,
    serverFactory: (handler: RequestListener) => createHttpsServer(certs.current(), handler) as unknown as HttpServer,
  });
  app.post('/validate', async (req) => {
    const body = req.body as { request?: { uid?: string } };
    return { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: body.request?.uid ?? '', allowed: true } };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as { port: number }).port;
}

async function guardrail(): Promise<number> {
  // The default `guardrail serve` log level (info: one line per admission) to stdout, which the parent discards.
  const server = await startServer({ host: '127.0.0.1', port: 0, policiesDir, certsDir, dnsNames: [], logger: createLogger({ level: 'info' }) });
  return server.port;
}

const port = mode === 'bare' ? await bare() : await guardrail();
send({ port, ca: await readFile(join(certsDir, 'ca.pem'), 'utf8') });
process.on('message', (m) => {
  if (m === 'rss') send({ rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 });
  if (m === 'exit') process.exit(0);
});
