/**
 * Answers one AdmissionReview body for a webhook path: parse, evaluate, decide, build the response. Never
 * throws: an unexpected error becomes HTTP 500 with the uid echoed, so the webhook's failurePolicy decides.
 */
import {
  allowed,
  admissionError,
  decide,
  denied,
  errored,
  httpStatusOf,
  parseAdmissionReview,
  resourceRefOf,
  reviewOf,
  reviewPolicy,
  toAdmissionInput,
  type AdmissionRequest,
  type AdmissionReview,
  type JsonPatchOperation,
} from '../admission/index.js';
import { evaluatePolicySet, type AdmissionInput, type EngineDeps, type PolicyResponse, type PolicySetOptions, type RuleStatus } from '../engine/index.js';
import type { AdmissionOutcome, Webhook } from '../observability/index.js';
import type { PolicyProvider, PolicySnapshot } from './policy-store/index.js';

/** Mutation comes with its own issue; until then the hook returns no operations. */
export type MutateFn = (input: AdmissionInput, snapshot: PolicySnapshot) => Promise<{ patch: JsonPatchOperation[]; warnings: string[] }>;

export interface AdmittedEvent {
  webhook: Webhook;
  request: AdmissionRequest;
  responses: PolicyResponse[];
  allowed: boolean;
}

export interface AnswerContext {
  policies: PolicyProvider;
  engineDeps: () => EngineDeps;
  policySetOptions?: PolicySetOptions;
  mutate?: MutateFn;
  /** Side effects (reports, events) hang here; never called for dryRun requests. */
  onAdmitted?: (event: AdmittedEvent) => void;
}

/** What the boundary logs and counts; never object data. */
export interface AnswerRecord {
  uid: string;
  webhook: Webhook;
  decision: AdmissionOutcome;
  operation?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  dryRun?: boolean;
  policies?: number;
  generation?: number;
  results?: Record<RuleStatus, number>;
  blocking?: string[];
  warnings?: number;
  error?: string;
  /** A throw from the onAdmitted hook; logged, never answered. */
  hookError?: string;
  responses?: PolicyResponse[];
}

export interface Answer {
  status: number;
  review: AdmissionReview;
  record: AnswerRecord;
}

export async function answerReview(webhook: Webhook, body: unknown, ctx: AnswerContext): Promise<Answer> {
  const parsed = parseAdmissionReview(body);
  if (!parsed.ok) {
    const review = reviewOf(errored(parsed.uid, parsed.error));
    return { status: httpStatusOf(parsed.error.code), review, record: { uid: parsed.uid ?? '', webhook, decision: 'error', error: parsed.error.code } };
  }
  const req = parsed.request;
  const base = describe(webhook, req);
  try {
    if (webhook === 'validate-policy') return answerPolicy(req, base, ctx);
    return await answerResource(webhook, req, base, ctx);
  } catch (err) {
    const error = admissionError('GR_ADMISSION_INTERNAL', err instanceof Error ? err.message : String(err));
    return { status: httpStatusOf(error.code), review: reviewOf(errored(req.uid, error)), record: { ...base, decision: 'error', error: error.code } };
  }
}

function describe(webhook: Webhook, req: AdmissionRequest): AnswerRecord {
  const kind = req.kind.group ? `${req.kind.group}/${req.kind.version}/${req.kind.kind}` : `${req.kind.version}/${req.kind.kind}`;
  const ref = resourceRefOf(req);
  return {
    uid: req.uid,
    webhook,
    decision: 'allowed',
    operation: req.operation,
    kind,
    ...(ref.namespace ? { namespace: ref.namespace } : {}),
    name: ref.name,
    dryRun: req.dryRun === true,
  };
}

async function answerResource(webhook: 'validate' | 'mutate', req: AdmissionRequest, base: AnswerRecord, ctx: AnswerContext): Promise<Answer> {
  const input = toAdmissionInput(req);
  const snapshot = ctx.policies.current();
  const meta = { policies: snapshot.policyCount, generation: snapshot.generation };
  if (webhook === 'mutate') {
    const out = ctx.mutate ? await ctx.mutate(input, snapshot) : { patch: [], warnings: [] };
    const review = reviewOf(allowed(req.uid, out));
    return { status: 200, review, record: { ...base, ...meta, warnings: out.warnings.length } };
  }
  const responses = await evaluatePolicySet(snapshot.set, input, ctx.engineDeps());
  const d = decide(responses, resourceRefOf(req), snapshot.failurePolicyOf);
  const response = d.allowed ? allowed(req.uid, { warnings: d.warnings }) : denied(req.uid, d.message ?? '', { warnings: d.warnings });
  const record: AnswerRecord = { ...base, ...meta, decision: d.allowed ? 'allowed' : 'denied', results: d.counts, warnings: d.warnings.length, responses };
  if (req.dryRun !== true && ctx.onAdmitted) {
    // Side effects (reports, events) must never change or fail the decision: a throw is only logged.
    try {
      ctx.onAdmitted({ webhook, request: req, responses, allowed: d.allowed });
    } catch (err) {
      record.hookError = err instanceof Error ? err.message : String(err);
    }
  }
  if (d.blocking.length > 0) record.blocking = d.blocking;
  return { status: 200, review: reviewOf(response), record };
}

function answerPolicy(req: AdmissionRequest, base: AnswerRecord, ctx: AnswerContext): Answer {
  const verdict = reviewPolicy(req, ctx.policySetOptions ?? {});
  // 422 Invalid is what the API server itself answers for an object that fails validation.
  const response = verdict.allowed
    ? allowed(req.uid, { warnings: verdict.warnings })
    : denied(req.uid, verdict.message ?? '', { code: 422, reason: 'Invalid', warnings: verdict.warnings });
  return { status: 200, review: reviewOf(response), record: { ...base, decision: verdict.allowed ? 'allowed' : 'denied', warnings: verdict.warnings.length } };
}
