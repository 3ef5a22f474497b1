import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../observability/index.js';

/** GET /metrics in the Prometheus text format. */
export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics): void {
  app.get('/metrics', async (_req, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
