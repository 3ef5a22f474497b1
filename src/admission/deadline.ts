/**
 * What to answer when policy evaluation overruns its budget. The API server waits `timeoutSeconds` for a
 * webhook (default 10 s, range 1-30: admissionregistration.k8s.io/v1 ValidatingWebhook/MutatingWebhook
 * `timeoutSeconds`, https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#timeouts)
 * and then applies the webhook's failurePolicy with a generic "context deadline exceeded". We answer
 * before that, with the policies' own failurePolicy and a message that says what happened:
 * - any policy in play is Fail -> deny (504 Timeout, metav1.StatusReasonTimeout), naming those policies;
 * - all are Ignore -> allow with a warning (and, on /mutate, no patch).
 */
import type { FailurePolicy } from './decide.js';
import { truncateWarning } from './warnings.js';

/** The API server's default webhook timeout, in milliseconds (see above). */
export const API_SERVER_WEBHOOK_TIMEOUT_MS = 10_000;
/** Our default evaluation budget: 2 s below the API server's default, for TLS, parsing and the network. */
export const DEFAULT_EVAL_TIMEOUT_MS = 8_000;

export interface TimeoutVerdict {
  allowed: boolean;
  /** Deny message (when not allowed). */
  message?: string;
  warnings: string[];
}

const MAX_NAMED = 5;

/** `policies` are the names and failurePolicies of every policy the webhook was evaluating. */
export function timeoutVerdict(budgetMs: number, policies: ReadonlyArray<{ name: string; failurePolicy: FailurePolicy }>): TimeoutVerdict {
  const failing = policies.filter((p) => p.failurePolicy === 'Fail').map((p) => p.name);
  const what = `policy evaluation did not finish within ${budgetMs} ms (guardrail serve --eval-timeout)`;
  if (failing.length === 0) {
    const warning = `guardrail: policy evaluation exceeded its ${budgetMs} ms budget (--eval-timeout); allowed: failurePolicy Ignore`;
    return { allowed: true, warnings: [truncateWarning(warning)] };
  }
  const named = failing.slice(0, MAX_NAMED).join(', ') + (failing.length > MAX_NAMED ? ` and ${failing.length - MAX_NAMED} more` : '');
  return { allowed: false, message: `guardrail: ${what}; denied because failurePolicy is Fail for: ${named}`, warnings: [] };
}
