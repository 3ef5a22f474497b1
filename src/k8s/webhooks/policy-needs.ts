/**
 * What each loaded policy needs from the API server: which kinds and operations, for which webhook
 * (validate or mutate), under which failurePolicy. Derived from the compiled rules (autogen rules included,
 * so a Pod policy also registers Deployments etc.) and, for CEL kinds, from spec.matchConstraints, which is
 * already in admission-rule form.
 */
import type { PolicySet, ResourceFilter, Rule } from '../../engine/index.js';

export type FailurePolicy = 'Fail' | 'Ignore';

export interface KindNeed {
  /** Kyverno kind selectors (`Pod`, `apps/v1/Deployment`, `Pod/exec`, `*`). */
  kinds: string[];
  /** Operations listed by the rule; undefined = the webhook defaults. */
  operations?: string[];
}

/** An admission rule taken as is (CEL policies' matchConstraints.resourceRules). */
export interface ResourceRuleNeed {
  apiGroups: string[];
  apiVersions: string[];
  resources: string[];
  operations: string[];
}

export interface PolicyNeeds {
  policy: string;
  failurePolicy: FailurePolicy;
  validate: KindNeed[];
  mutate: KindNeed[];
  /** Rules already in admission form (CEL kinds). */
  validateRules: ResourceRuleNeed[];
  mutateRules: ResourceRuleNeed[];
}

export function needsOfPolicySet(set: PolicySet, celDocs: readonly Record<string, unknown>[] = []): PolicyNeeds[] {
  const out: PolicyNeeds[] = [];
  for (const p of set.classic) {
    // spec.admission: false = background only (Kyverno): the API server need not call us for it.
    if (p.source.spec.admission === false) continue;
    const needs: PolicyNeeds = { policy: p.name, failurePolicy: p.failurePolicy, validate: [], mutate: [], validateRules: [], mutateRules: [] };
    for (const r of p.rules) {
      const kinds = kindNeedsOfRule(r.rule);
      // verifyImages answers on both webhooks in Kyverno; generate rules are driven by the validating one.
      if (r.kind === 'mutate' || r.kind === 'verifyImages') needs.mutate.push(...kinds);
      if (r.kind !== 'mutate') needs.validate.push(...kinds);
    }
    out.push(needs);
  }
  const byName = new Map(celDocs.map((d) => [`${String(d.kind)}/${nameOf(d)}`, d]));
  for (const h of set.handlers) {
    const doc = byName.get(`${h.kind}/${h.name}`);
    const rules = doc ? resourceRulesOf(doc) : undefined;
    const failurePolicy: FailurePolicy = (doc?.spec as { failurePolicy?: string } | undefined)?.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail';
    // Without the document we cannot narrow: everything goes to the webhook (correct, only broader).
    const all: KindNeed[] = [{ kinds: ['*'] }];
    const mutating = h.kind === 'MutatingPolicy';
    out.push({
      policy: h.name,
      failurePolicy,
      validate: !mutating && !rules ? all : [],
      mutate: mutating && !rules ? all : [],
      validateRules: !mutating ? (rules ?? []) : [],
      mutateRules: mutating ? (rules ?? []) : [],
    });
  }
  return out;
}

function kindNeedsOfRule(rule: Rule): KindNeed[] {
  const m = rule.match;
  if (!m) return [];
  const filters: ResourceFilter[] = [...(m.any ?? []), ...(m.all ?? []), ...(m.resources ? [{ resources: m.resources }] : [])];
  return filters.flatMap((f) => {
    const kinds = f.resources?.kinds ?? [];
    if (kinds.length === 0) return [];
    return [{ kinds: [...kinds], ...(f.resources?.operations?.length ? { operations: [...f.resources.operations] } : {}) }];
  });
}

function resourceRulesOf(doc: Record<string, unknown>): ResourceRuleNeed[] | undefined {
  const mc = (doc.spec as { matchConstraints?: { resourceRules?: unknown[] } } | undefined)?.matchConstraints;
  if (!Array.isArray(mc?.resourceRules)) return undefined;
  return mc.resourceRules.map((r) => {
    const x = r as Partial<ResourceRuleNeed>;
    return { apiGroups: x.apiGroups ?? ['*'], apiVersions: x.apiVersions ?? ['*'], resources: x.resources ?? ['*'], operations: x.operations ?? ['*'] };
  });
}

function nameOf(d: Record<string, unknown>): string {
  return String((d.metadata as { name?: string } | undefined)?.name ?? '');
}
