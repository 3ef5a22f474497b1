/**
 * A webhook under test, run as a forked child of bench/webhook.bench.ts (never imported):
 *   bare <certsDir> '' <runtime>                 fastify over HTTPS that parses the AdmissionReview and answers allowed
 *   guardrail <certsDir> <policies> <runtime>    `guardrail serve` as a library (startServer), default log level
 * <runtime> is `dist` (the compiled server of `npm run build`, as the container image runs it; plain node)
 * or `src` (the TypeScript sources through tsx, as `npx guardrail serve` runs them; the parent adds
 * `--import tsx`). Plain JavaScript so that the `dist` runtime needs no loader at all; both targets of a
 * runtime load the same way, so (a) and (b) stay comparable.
 * Listens on 127.0.0.1, port 0; sends { port, ca } to the parent, then answers 'rss' and 'cpu' messages.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify from 'fastify';

const [mode, certsDir = '', policiesDir = '', runtime = 'src'] = process.argv.slice(2);
const root = runtime === 'dist' ? '../dist' : '../src';
const { createHttpsServer, startServer } = await import(`${root}/server/index.js`);
const { createCertSource } = await import(`${root}/certs/index.js`);
const { createLogger } = await import(`${root}/observability/index.js`);
const send = (m) => process.send?.(m);

async function bare() {
  const certs = createCertSource('files', { dir: certsDir, sans: [] });
  await certs.start();
  const app = Fastify({
    logger: false,
    bodyLimit: 7 * 1024 * 1024,
    serverFactory: (handler) => createHttpsServer(certs.current(), handler),
  });
  app.post('/validate', async (req) => {
    const body = req.body;
    return { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: body?.request?.uid ?? '', allowed: true } };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return app.server.address().port;
}

async function guardrail() {
  // The default `guardrail serve` log level (info: one line per admission) to stdout, which the parent discards.
  const server = await startServer({ host: '127.0.0.1', port: 0, policiesDir, certsDir, dnsNames: [], logger: createLogger({ level: 'info' }) });
  return server.port;
}

const port = mode === 'bare' ? await bare() : await guardrail();
send({ port, ca: await readFile(join(certsDir, 'ca.pem'), 'utf8') });
process.on('message', (m) => {
  if (m === 'rss') {
    const u = process.memoryUsage();
    send({ rss: u.rss, maxRss: process.resourceUsage().maxRSS * 1024, heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external });
  }
  // CPU time the server has used (user + system, µs): per request it depends less on the machine's load than req/s.
  if (m === 'cpu') {
    const c = process.cpuUsage();
    send({ cpuUs: c.user + c.system, userUs: c.user, systemUs: c.system });
  }
  if (m === 'exit') process.exit(0);
});
