/**
 * POST /mutate and POST /validate for resources. Both evaluate through the engine's admit() on their slice
 * of the policy set (see admission-sets.ts) under the evaluation budget, then decide with the policies'
 * failureAction and failurePolicy:
 * - /mutate answers the RFC 6902 patch from the request object to the mutated object (base64, patchType
 *   JSONPatch, both omitted when nothing changed), also for dryRun: the patch is the verdict, not a side
 *   effect. A mutate rule error blocks when its policy's failurePolicy is Fail, else it is a warning;
 *   rules that neither pass nor skip become warnings, as Kyverno's GetWarningMessages
 *   (pkg/webhooks/utils/warning.go) does.
 * - /validate evaluates the object exactly as the API server sent it.
 */
import {
  allowed,
  decide,
  denied,
  resourceRefOf,
  reviewOf,
  timeoutVerdict,
  toAdmissionInput,
  DEFAULT_EVAL_TIMEOUT_MS,
  type AdmissionRequest,
  type Decision,
} from '../admission/index.js';
import { admitNow, isPromise, type AdmissionInput, type AdmissionOutcome, type MaybePromise, type PolicyResponse, type PolicySet } from '../engine/index.js';
import { admissionSetsOf, failurePoliciesInPlay } from './admission-sets.js';
import type { AdmissionExtension, Answer, AnswerContext, AnswerRecord } from './answer-types.js';
import { withDeadline, type Deadline } from './deadline.js';

function evaluate(set: PolicySet, input: AdmissionInput, ctx: AnswerContext): Deadline<AdmissionOutcome> | Promise<Deadline<AdmissionOutcome>> {
  const work = admitNow(set, input, ctx.engineDeps(), { applyWebhookDefaults: true });
  // Answered synchronously: the budget only bounds waiting on lookups, and there was none.
  if (!isPromise(work)) return { done: true, value: work };
  return withDeadline(work, ctx.evalTimeoutMs ?? DEFAULT_EVAL_TIMEOUT_MS);
}

export async function answerMutate(req: AdmissionRequest, base: AnswerRecord, ctx: AnswerContext): Promise<Answer> {
  const snapshot = ctx.policies.current();
  const set = admissionSetsOf(snapshot.set).mutate;
  const meta = { ...base, policies: snapshot.policyCount, generation: snapshot.generation };
  if (set.classic.length === 0 && set.handlers.length === 0 && !ctx.extension?.mutate) return { status: 200, review: reviewOf(allowed(req.uid)), record: { ...meta, patchOps: 0 } };
  const input = ctx.enrichInput ? ctx.enrichInput(toAdmissionInput(req)) : toAdmissionInput(req);
  const run = await evaluate(set, input, ctx);
  if (!run.done) return timedOut(req, meta, failurePoliciesInPlay(set, input), ctx);
  const { responses, patches } = run.value;
  const d = decide(responses, resourceRefOf(req), snapshot.failurePolicyOf);
  const record: AnswerRecord = { ...meta, decision: d.allowed ? 'allowed' : 'denied', results: d.counts, warnings: d.warnings.length, responses };
  if (!d.allowed) {
    record.blocking = d.blocking;
    return { status: 200, review: reviewOf(denied(req.uid, d.message ?? '', { warnings: d.warnings })), record };
  }
  // The extension sees the object the engine's patch produces; its operations apply after the engine's (RFC 6902: in order).
  const ext = ctx.extension?.mutate ? await ctx.extension.mutate(run.value.patched ?? req.object) : { patch: [], warnings: [] };
  const patch = [...patches, ...ext.patch];
  record.patchOps = patch.length;
  return { status: 200, review: reviewOf(allowed(req.uid, { patch, warnings: [...d.warnings, ...ext.warnings] })), record };
}

/**
 * /validate; synchronous when the engine and the extension answer without waiting (the common case: no
 * lookups, an unprotected workload), so a request is answered without a promise or a microtask hop.
 */
export function answerValidate(req: AdmissionRequest, base: AnswerRecord, ctx: AnswerContext): MaybePromise<Answer> {
  const snapshot = ctx.policies.current();
  const set = admissionSetsOf(snapshot.set).validate;
  // Object.assign rather than spreads with new keys, which cost microseconds per call on Node 20 (see
  // engine/context/request-data.ts); this runs on every admission.
  const meta: AnswerRecord = Object.assign({}, base, { policies: snapshot.policyCount, generation: snapshot.generation });
  const input = ctx.enrichInput ? ctx.enrichInput(toAdmissionInput(req)) : toAdmissionInput(req);
  const run = evaluate(set, input, ctx);
  const decideRun = (r: Deadline<AdmissionOutcome>): MaybePromise<Answer> => {
    if (!r.done) return timedOut(req, meta, failurePoliciesInPlay(set, input), ctx);
    const { responses } = r.value;
    const d = decide(responses, resourceRefOf(req), snapshot.failurePolicyOf);
    const ext = ctx.extension?.validate ? ctx.extension.validate(req.object) : undefined;
    return isPromise(ext) ? ext.then((e) => validateAnswer(req, meta, responses, d, e, ctx)) : validateAnswer(req, meta, responses, d, ext, ctx);
  };
  return isPromise(run) ? run.then(decideRun) : decideRun(run);
}

type ExtensionVerdict = Awaited<ReturnType<NonNullable<AdmissionExtension['validate']>>>;

function validateAnswer(req: AdmissionRequest, meta: AnswerRecord, responses: PolicyResponse[], d: Decision, ext: ExtensionVerdict | undefined, ctx: AnswerContext): Answer {
  const isAllowed = d.allowed && !ext?.deny;
  const warnings = d.allowed && ext?.warnings.length ? [...d.warnings, ...ext.warnings] : d.warnings;
  const message = d.allowed ? (ext?.deny ?? '') : ext?.hint ? `${d.message ?? ''}\n\n${ext.hint}` : (d.message ?? '');
  const response = isAllowed ? allowed(req.uid, { warnings }) : denied(req.uid, message, { warnings });
  const record: AnswerRecord = Object.assign(meta, { decision: isAllowed ? 'allowed' : 'denied', results: d.counts, warnings: warnings.length, responses } as const);
  if (req.dryRun !== true && ctx.onAdmitted) {
    // Side effects (reports, events) must never change or fail the decision: a throw is only logged.
    try {
      ctx.onAdmitted({ webhook: 'validate', request: req, responses, allowed: isAllowed });
    } catch (err) {
      record.hookError = err instanceof Error ? err.message : String(err);
    }
  }
  if (d.blocking.length > 0) record.blocking = d.blocking;
  return { status: 200, review: reviewOf(response), record };
}

function timedOut(req: AdmissionRequest, record: AnswerRecord, inPlay: Parameters<typeof timeoutVerdict>[1], ctx: AnswerContext): Answer {
  const v = timeoutVerdict(ctx.evalTimeoutMs ?? DEFAULT_EVAL_TIMEOUT_MS, inPlay);
  // 504 with reason Timeout: metav1.StatusReasonTimeout, "cannot complete the action in a reasonable time".
  const response = v.allowed ? allowed(req.uid, { warnings: v.warnings }) : denied(req.uid, v.message ?? '', { code: 504, reason: 'Timeout' });
  return { status: 200, review: reviewOf(response), record: { ...record, decision: v.allowed ? 'allowed' : 'denied', timedOut: true, warnings: v.warnings.length } };
}
