/** Shared by the server's tests: an app over a policy folder with captured log lines. */
import { Writable } from 'node:stream';
import { createLogger, createMetrics, type Metrics } from '../observability/index.js';
import { buildApp, type AppOptions, type GuardrailApp } from './build-app.js';
import { createPolicyStore, type PolicyStore } from './policy-store/index.js';

export interface TestApp extends GuardrailApp {
  store: PolicyStore;
  metrics: Metrics;
  logs: Array<Record<string, unknown>>;
  rawLogs: string[];
}

export async function testApp(policiesDir: string, extra: Partial<AppOptions> = {}): Promise<TestApp> {
  const logs: Array<Record<string, unknown>> = [];
  const rawLogs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      rawLogs.push(chunk.toString('utf8'));
      logs.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      cb();
    },
  });
  const store = createPolicyStore({ dir: policiesDir, pollIntervalMs: 60_000 });
  await store.start();
  const metrics = createMetrics();
  const built = buildApp({ policies: store, logger: createLogger({ destination }), metrics, ...extra });
  return { ...built, store, metrics, logs, rawLogs };
}
