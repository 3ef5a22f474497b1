/**
 * Load generator, forked by bench/webhook.bench.ts (never imported): POSTs one AdmissionReview body over
 * node:https with a keep-alive Agent to 127.0.0.1 only. Two shapes, both bounded by count and time:
 *   closed: `concurrency` requests always in flight (throughput);
 *   rate:   one request every 1/rate s on a fixed schedule (latency; measured from the scheduled start,
 *           so a slow answer that delays later sends is counted, not hidden).
 * Every socket of the pool is opened (TLS handshake done) before the clock starts, with one secure context:
 * the API server keeps its connections to a webhook alive, so steady-state latency is what is measured.
 * Opening them lazily made one slow answer cascade into dozens of handshakes in this process (each
 * parsing the CA again when `ca` was a per-request option): a 100+ ms stall here, counted as the
 * server's tail latency (the bare server showed a p99 of 25-130 ms at 500 req/s from that alone).
 * Receives its job as the first IPC message, answers with the result and exits.
 */
import { Agent, request } from 'node:https';
import { createSecureContext } from 'node:tls';

export interface LoadJob {
  url: string;
  ca: string;
  body: string;
  shape: 'closed' | 'rate';
  concurrency: number;
  rate?: number;
  /**
   * rate only: the schedule runs this long before the timed window opens (its requests are neither timed
   * nor counted). Opening the pool sends `concurrency` requests at once; what follows that burst (both
   * processes' garbage collection of it, the server's handshake aftermath) showed as a cluster of 5-15 ms
   * answers in the first 250 ms of the window against either server, and a webhook's steady state has no
   * such burst.
   */
  leadInMs?: number;
  maxRequests: number;
  maxMs: number;
}

export interface LoadResult {
  ok: number;
  errors: number;
  wallMs: number;
  /** Latencies in ms, sorted ascending. */
  latencies: number[];
  /** This process's CPU time (user + system) over the timed part, µs: whether the client was the limit. */
  cpuUs: number;
}

function post(agent: Agent, job: LoadJob, url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(job.body) } },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode === 200));
      },
    );
    req.on('error', () => resolve(false));
    req.end(job.body);
  });
}

/** Calls `fire(scheduled)` every `interval` ms from `start` (up to `count` times, none after `deadline`), then awaits them all. */
async function onSchedule(start: number, interval: number, count: number, deadline: number, fire: (scheduled: number) => Promise<unknown>): Promise<void> {
  const inflight: Array<Promise<unknown>> = [];
  for (let sent = 0; sent < count && performance.now() < deadline; sent++) {
    const scheduled = start + sent * interval;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(fire(scheduled));
  }
  await Promise.all(inflight);
}

async function run(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.url);
  if (url.hostname !== '127.0.0.1') throw new Error('the load generator only targets 127.0.0.1');
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency, secureContext: createSecureContext({ ca: job.ca }) });
  // Warm the pool: `concurrency` requests at once open `concurrency` sockets (not timed, not counted).
  await Promise.all(Array.from({ length: job.concurrency }, () => post(agent, job, url)));
  const interval = 1000 / (job.rate ?? 100);
  if (job.shape === 'rate' && job.leadInMs) {
    const start = performance.now();
    await onSchedule(start, interval, Math.ceil(job.leadInMs / interval), start + job.leadInMs + 5_000, () => post(agent, job, url));
  }
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let sent = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = t0 + job.maxMs;
  const one = async (scheduled: number) => {
    const good = await post(agent, job, url);
    latencies.push(performance.now() - scheduled);
    if (good) ok++;
    else errors++;
  };
  if (job.shape === 'closed') {
    const worker = async () => {
      while (sent < job.maxRequests && performance.now() < deadline) {
        sent++;
        await one(performance.now());
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, worker));
  } else {
    await onSchedule(t0, interval, job.maxRequests, deadline, one);
  }
  agent.destroy();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ok, errors, wallMs, latencies: latencies.sort((a, b) => a - b), cpuUs: cpu.user + cpu.system };
}

process.once('message', (job) => {
  run(job as LoadJob).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
