/**
 * Errors raised by fastify before a route runs (body too large, not JSON, wrong media type) answered as
 * an AdmissionReview with a stable code. The uid cannot be echoed here: the body was never parsed.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { admissionError, errored, httpStatusOf, reviewOf, type AdmissionErrorCode } from '../admission/index.js';
import type { Logger } from '../observability/index.js';
import { BODY_LIMIT_BYTES } from './limits.js';

function codeOf(err: FastifyError): { code: AdmissionErrorCode; message: string } {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'GR_ADMISSION_BODY_TOO_LARGE', message: `request body is larger than ${BODY_LIMIT_BYTES} bytes (7 MiB)` };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'GR_ADMISSION_UNSUPPORTED_MEDIA_TYPE', message: 'content-type must be application/json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'GR_ADMISSION_MALFORMED_BODY', message: 'request body is empty' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'GR_ADMISSION_MALFORMED_BODY', message: `request body is not valid JSON: ${err.message}` };
    default:
      if (err.statusCode === 400) return { code: 'GR_ADMISSION_MALFORMED_BODY', message: err.message };
      return { code: 'GR_ADMISSION_INTERNAL', message: err.message };
  }
}

export function installErrorHandler(app: FastifyInstance, log: Logger): void {
  app.setErrorHandler<FastifyError>((err, req, reply) => {
    const { code, message } = codeOf(err);
    log.warn({ code, method: req.method, url: req.url, fastifyCode: err.code }, 'request rejected');
    void reply.code(httpStatusOf(code)).send(reviewOf(errored(undefined, admissionError(code, message))));
  });
}
