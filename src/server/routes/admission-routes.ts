/** POST /validate, /mutate and /validate/policy: thin routes over answerReview, recorded at the boundary. */
import type { FastifyInstance } from 'fastify';
import type { Logger, Metrics, Webhook } from '../../observability/index.js';
import { answerReview, type AnswerContext } from '../answer.js';
import { createAnswerRecorder } from '../record.js';
import type { TurnBatch } from '../turn-batch.js';

export const ADMISSION_PATHS = {
  validate: '/validate',
  mutate: '/mutate',
  'validate-policy': '/validate/policy',
} as const satisfies Record<Webhook, string>;

/** `batch`: admissions are evaluated and answered in groups per event-loop turn (see turn-batch.ts). */
export function registerAdmissionRoutes(app: FastifyInstance, ctx: AnswerContext, log: Logger, metrics: Metrics, batch: TurnBatch): void {
  const recordAnswer = createAnswerRecorder(log, metrics);
  for (const [webhook, path] of Object.entries(ADMISSION_PATHS) as Array<[Webhook, string]>) {
    app.post(path, async (req, reply) => {
      // performance.now(): a double, where hrtime.bigint() allocated two BigInts per admission. The
      // duration counts the wait for the turn's group: it is latency the server adds.
      const started = performance.now();
      await batch.evaluation();
      const answer = await answerReview(webhook, req.body, ctx);
      recordAnswer(answer.record, (performance.now() - started) / 1e3);
      await batch.answer();
      reply.code(answer.status);
      return answer.review;
    });
  }
}
