/**
 * Answers one AdmissionReview body for a webhook path: parse, evaluate, decide, build the response. Never
 * throws: an unexpected error becomes HTTP 500 with the uid echoed, so the webhook's failurePolicy decides.
 */
import {
  allowed,
  admissionError,
  denied,
  errored,
  httpStatusOf,
  parseAdmissionReview,
  resourceRefOf,
  reviewOf,
  reviewPolicy,
  type AdmissionRequest,
} from '../admission/index.js';
import { isPromise, type MaybePromise } from '../engine/index.js';
import type { Webhook } from '../observability/index.js';
import { answerMutate, answerValidate } from './answer-resource.js';
import type { Answer, AnswerContext, AnswerRecord } from './answer-types.js';

export type { AdmittedEvent, Answer, AnswerContext, AnswerRecord } from './answer-types.js';

/** Synchronous when the answer needs no waiting (see answerValidate); never rejects. */
export function answerReview(webhook: Webhook, body: unknown, ctx: AnswerContext): MaybePromise<Answer> {
  const parsed = parseAdmissionReview(body);
  if (!parsed.ok) {
    const review = reviewOf(errored(parsed.uid, parsed.error));
    return { status: httpStatusOf(parsed.error.code), review, record: { uid: parsed.uid ?? '', webhook, decision: 'error', error: parsed.error.code } };
  }
  const req = parsed.request;
  const base = describe(webhook, req);
  const internal = (err: unknown): Answer => {
    const error = admissionError('GR_ADMISSION_INTERNAL', err instanceof Error ? err.message : String(err));
    return { status: httpStatusOf(error.code), review: reviewOf(errored(req.uid, error)), record: { ...base, decision: 'error', error: error.code } };
  };
  try {
    if (webhook === 'validate-policy') return answerPolicy(req, base, ctx);
    const answer = webhook === 'mutate' ? answerMutate(req, base, ctx) : answerValidate(req, base, ctx);
    return isPromise(answer) ? answer.catch(internal) : answer;
  } catch (err) {
    return internal(err);
  }
}

function describe(webhook: Webhook, req: AdmissionRequest): AnswerRecord {
  const kind = req.kind.group ? `${req.kind.group}/${req.kind.version}/${req.kind.kind}` : `${req.kind.version}/${req.kind.kind}`;
  const ref = resourceRefOf(req);
  const record: AnswerRecord = { uid: req.uid, webhook, decision: 'allowed', operation: req.operation, kind };
  // Assigned, not spread into the literal: a spread between keys is slow on Node 20 (every admission).
  if (ref.namespace) record.namespace = ref.namespace;
  record.name = ref.name;
  record.dryRun = req.dryRun === true;
  return record;
}

function answerPolicy(req: AdmissionRequest, base: AnswerRecord, ctx: AnswerContext): Answer {
  const verdict = reviewPolicy(req, ctx.policySetOptions ?? {});
  // 422 Invalid is what the API server itself answers for an object that fails validation.
  const response = verdict.allowed
    ? allowed(req.uid, { warnings: verdict.warnings })
    : denied(req.uid, verdict.message ?? '', { code: 422, reason: 'Invalid', warnings: verdict.warnings });
  return { status: 200, review: reviewOf(response), record: { ...base, decision: verdict.allowed ? 'allowed' : 'denied', warnings: verdict.warnings.length } };
}
