/**
 * The fastify app, built apart from listen (tests use inject(); `startServer` adds HTTPS and signals).
 * Routes: POST /validate, /mutate, /validate/policy; GET /livez, /readyz, /healthz, /metrics.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Server as HttpsServer } from 'node:https';
import type { RequestListener, Server as HttpServer } from 'node:http';
import type { CertBundle, CertSource } from '../certs/index.js';
import type { EngineDeps, PolicySetOptions } from '../engine/index.js';
import type { Logger, Metrics } from '../observability/index.js';
import type { AdmittedEvent } from './answer.js';
import type { AdmissionExtension, AnswerContext } from './answer-types.js';
import { installErrorHandler } from './error-handler.js';
import { createLifecycle, type Lifecycle } from './lifecycle.js';
import { BODY_LIMIT_BYTES } from './limits.js';
import type { PolicyProvider } from './policy-store/index.js';
import { registerAdmissionRoutes } from './routes/admission-routes.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerMetricsRoute } from './routes/metrics-route.js';
import { createHttpsServer } from './tls.js';
import { createTurnBatch } from './turn-batch.js';

export interface AppOptions {
  policies: PolicyProvider;
  logger: Logger;
  metrics: Metrics;
  /** Health of the serving certificate, for /readyz; absent in plain-HTTP tests. */
  certs?: Pick<CertSource, 'healthy'>;
  /** Serve HTTPS with this bundle (the server is then reachable as `httpsServer`). */
  tls?: CertBundle;
  lifecycle?: Lifecycle;
  now?: () => Date;
  policySetOptions?: PolicySetOptions;
  /** Evaluation budget per admission in ms (default DEFAULT_EVAL_TIMEOUT_MS, 8 s). */
  evalTimeoutMs?: number;
  /** Lookups for policies (apiCall, ConfigMaps, ...): cluster mode fills them; none in local mode. */
  lookups?: Omit<EngineDeps, 'now'>;
  onAdmitted?: (event: AdmittedEvent) => void;
  /** Cluster mode: namespace labels onto each admission input (src/k8s withNamespaceLabels). */
  enrichInput?: AnswerContext['enrichInput'];
  /** The data-protection integration (src/backup/admission), beside the policy set. */
  extension?: AdmissionExtension;
  /** Evaluate and answer the admissions of one event-loop turn as a group (default true; turn-batch.ts). */
  batchAdmissions?: boolean;
}

export interface GuardrailApp {
  app: FastifyInstance;
  lifecycle: Lifecycle;
  /** The HTTPS server when `tls` was given (for certificate reloads). */
  httpsServer?: HttpsServer;
}

export function buildApp(opts: AppOptions): GuardrailApp {
  const lifecycle = opts.lifecycle ?? createLifecycle();
  let httpsServer: HttpsServer | undefined;
  const tls = opts.tls;
  const app = Fastify({
    loggerInstance: opts.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // One line per admission, written by the route with the uid; fastify's two per request would be noise.
    logController: new LogController({ disableRequestLogging: true }),
    // No per-request child logger either (fastify's default binds a reqId to a pino child on every
    // request): nothing logs through req.log, and the child was measurable on the admission path.
    childLoggerFactory: (logger) => logger,
    return503OnClosing: true,
    ...(tls
      ? {
          serverFactory: (handler: RequestListener) => {
            httpsServer = createHttpsServer(tls, handler);
            return httpsServer as unknown as HttpServer;
          },
        }
      : {}),
  }) as unknown as FastifyInstance;
  installErrorHandler(app, opts.logger);
  const now = opts.now ?? (() => new Date());
  const lookups = opts.lookups ?? {};
  // One deps object for the app's life (the lookups and the clock never change): a fresh one per request
  // cost a spread with a new key and a WeakMap entry for the engine's per-deps view of the clock.
  const deps: EngineDeps = Object.assign({}, lookups, { now });
  const engineDeps = (): EngineDeps => deps;
  registerAdmissionRoutes(
    app,
    {
      policies: opts.policies,
      engineDeps,
      ...(opts.policySetOptions ? { policySetOptions: opts.policySetOptions } : {}),
      ...(opts.evalTimeoutMs !== undefined ? { evalTimeoutMs: opts.evalTimeoutMs } : {}),
      ...(opts.onAdmitted ? { onAdmitted: opts.onAdmitted } : {}),
      ...(opts.enrichInput ? { enrichInput: opts.enrichInput } : {}),
      ...(opts.extension ? { extension: opts.extension } : {}),
    },
    opts.logger,
    opts.metrics,
    createTurnBatch(opts.batchAdmissions ?? true),
  );
  registerHealthRoutes(app, { policies: opts.policies, ...(opts.certs ? { certs: opts.certs } : {}), lifecycle });
  registerMetricsRoute(app, opts.metrics);
  return { app, lifecycle, ...(httpsServer ? { httpsServer } : {}) };
}
