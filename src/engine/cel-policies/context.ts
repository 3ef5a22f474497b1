/** What evaluateCelPolicy / evaluateCelRule receive besides the request; all lookups are injected. */
import type { CelHostLibraries } from '../cel/index.js';
import type { AdmissionInput } from '../request.js';
import type { CostBudget } from './budget.js';
import type { MatchOptions } from './match-resources.js';
import type { CompiledBinding, CompiledCelException, ParamLookup } from './types.js';

export interface CelPolicyContext {
  /** Evaluation time (reserved for time-dependent libraries; the engine never reads the clock). */
  now: Date;
  /** Params for a policy evaluated without a binding (CLI), or when no lookup is given. */
  params?: unknown;
  /** Finds param objects for a binding's or rule's paramRef. */
  paramLookup?: ParamLookup;
  /** The request namespace's Namespace object; default: a minimal one built from the request. */
  namespaceObject?: unknown;
  /** ValidatingAdmissionPolicyBindings (any policy's; filtered by policyName). */
  bindings?: readonly CompiledBinding[];
  /** CEL PolicyExceptions (any policy's; filtered by policyRefs). */
  exceptions?: readonly CompiledCelException[];
  /** The Kubernetes `authorizer` handle, when the host provides one. */
  authorizer?: unknown;
  /** Synchronous lookups behind Kyverno's resource, http, globalContext and image libraries. */
  host?: CelHostLibraries;
  /** Overrides of Kyverno library handles by identifier (tests); default: handles over `host`. */
  libraries?: Record<string, unknown>;
  /** Shared cost budget; default: a fresh RuntimeCELCostBudget per policy evaluation. */
  budget?: CostBudget;
}

/** Namespace labels for namespaceSelector: the request's, else the supplied Namespace object's. */
export function matchOptions(input: AdmissionInput, ctx: CelPolicyContext): MatchOptions {
  const meta = (ctx.namespaceObject as { metadata?: { labels?: Record<string, string> } } | null | undefined)?.metadata;
  const namespaceLabels = input.namespaceLabels ?? (meta ? (meta.labels ?? {}) : undefined);
  return { ...(namespaceLabels && { namespaceLabels }), oldObject: input.oldObject };
}
