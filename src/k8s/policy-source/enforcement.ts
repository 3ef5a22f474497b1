/**
 * Who enforces which cluster policy kind at admission. The API server evaluates ValidatingAdmissionPolicy
 * with its bindings itself (admissionregistration.k8s.io/v1, GA and on by default since Kubernetes 1.30,
 * https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/): if Guardrail's
 * webhook evaluated the same objects, a request would be judged twice (a Deny counted twice, Warn
 * messages doubled, our failurePolicy layered over the binding's). Kyverno does the same split: its
 * admission controller leaves VAPs to the API server and only its reports controller evaluates them
 * (`--validatingAdmissionPolicyReports`), for background reports.
 *
 * MutatingAdmissionPolicy (alpha in 1.32, beta in 1.34 behind the MutatingAdmissionPolicy feature gate,
 * GA in 1.36, KEP-3962) is not watched at all: wherever the API serves it the API server applies it, and
 * background scans report validation results only, so a cluster MAP has nothing left for us to do.
 * Policies from a folder (CLI, local `serve`) are evaluated whatever their kind: no API server knows them.
 */
import type { PolicySet } from '../../engine/index.js';

export const API_SERVER_ENFORCED_KINDS: ReadonlySet<string> = new Set(['ValidatingAdmissionPolicy', 'MutatingAdmissionPolicy']);

/** The set the webhook evaluates: everything but the kinds the API server enforces itself. */
export function admissionSetOf(set: PolicySet): PolicySet {
  if (!set.handlers.some((h) => API_SERVER_ENFORCED_KINDS.has(h.kind))) return set;
  return { ...set, handlers: set.handlers.filter((h) => !API_SERVER_ENFORCED_KINDS.has(h.kind)) };
}
