/**
 * /livez (the process answers), /readyz (policies compiled, certificates healthy, not draining) and
 * /healthz, kept as an alias of /readyz like the API server's deprecated endpoint. `?verbose` lists checks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CertSource } from '../../certs/index.js';
import type { Lifecycle } from '../lifecycle.js';
import type { PolicyProvider } from '../policy-store/index.js';
import { readiness } from '../readiness.js';

export interface HealthDeps {
  policies: PolicyProvider;
  certs?: Pick<CertSource, 'healthy'>;
  lifecycle: Lifecycle;
}

function isVerbose(req: FastifyRequest): boolean {
  return Object.prototype.hasOwnProperty.call(req.query ?? {}, 'verbose');
}

export function registerHealthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  const ready = async (req: FastifyRequest, reply: FastifyReply): Promise<string> => {
    const r = readiness({ policies: deps.policies.status(), ...(deps.certs ? { certs: deps.certs.healthy() } : {}), draining: deps.lifecycle.draining });
    reply.code(r.ready ? 200 : 503).type('text/plain; charset=utf-8');
    return isVerbose(req) ? r.lines.join('\n') + '\n' : r.ready ? 'ok' : 'readyz check failed';
  };
  app.get('/readyz', ready);
  app.get('/healthz', ready);
  app.get('/livez', async (req, reply) => {
    reply.type('text/plain; charset=utf-8');
    return isVerbose(req) ? '[+]ping ok\nlivez check passed\n' : 'ok';
  });
}
