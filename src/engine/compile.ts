/**
 * compilePolicy: turns a Kyverno ClusterPolicy/Policy into a CompiledPolicy once, at load time:
 * autogen rules expanded, actions and metadata resolved. Structural problems are found by the policy
 * validator (src/policy) before this runs; compile reports only what stops evaluation.
 */
import { expandAutogenRulesWithOrigin, type ExpandedRule } from './autogen/index.js';
import { compileCelRule } from './cel-policies/index.js';
import type { CompiledPolicy, CompiledRule, FailureAction, RuleKind } from './compiled.js';
import { matchLabelSelector, parseKindSelector } from './match/index.js';
import type { KyvernoPolicy, Rule, Validation } from './policy-types.js';
import type { Issue } from './result.js';
import { wildcardMatch } from './values/index.js';

export const FIX_ANNOTATION = 'guardrail.dev/fix';

export type CompileResult = { ok: true; policy: CompiledPolicy } | { ok: false; issues: Issue[] };

function ruleKind(rule: Rule): RuleKind | undefined {
  if (rule.validate) return 'validate';
  if (rule.mutate) return 'mutate';
  if (rule.generate) return 'generate';
  if (rule.verifyImages) return 'verifyImages';
  return undefined;
}

function normaliseAction(a: string | undefined): FailureAction | undefined {
  if (!a) return undefined;
  return a.toLowerCase() === 'enforce' ? 'Enforce' : 'Audit';
}

export function compilePolicy(policy: KyvernoPolicy): CompileResult {
  const issues: Issue[] = [];
  const name = policy.metadata?.name ?? '';
  const annotations = policy.metadata?.annotations ?? {};
  const spec = policy.spec ?? {};
  let expanded: ExpandedRule[];
  try {
    expanded = expandAutogenRulesWithOrigin(policy);
  } catch (err) {
    return { ok: false, issues: [{ code: 'AUTOGEN_FAILED', message: String(err), path: '/spec/rules' }] };
  }
  const rules: CompiledRule[] = [];
  expanded.forEach(({ rule, source, autogen }, i) => {
    const kind = ruleKind(rule);
    if (!kind) {
      issues.push({ code: 'RULE_TYPE_MISSING', message: `rule ${rule.name} has no validate, mutate, generate or verifyImages`, path: `/spec/rules/${i}` });
      return;
    }
    const base = autogen === 'none' ? undefined : source;
    const isCel = kind === 'validate' && rule.validate?.cel !== undefined;
    let cel: CompiledRule['cel'];
    if (isCel) {
      const c = compileCelRule(rule, `/spec/rules/${i}`);
      if (!c.ok) {
        issues.push(...c.issues);
        return;
      }
      cel = c.rule;
    }
    const fix = annotations[`${FIX_ANNOTATION}.${base ?? rule.name}`] ?? annotations[FIX_ANNOTATION];
    const ruleKinds = matchableKinds([rule]);
    rules.push({
      name: rule.name,
      rule,
      kind,
      isCel,
      ...(cel ? { cel } : {}),
      ...(base !== undefined ? { autogenOf: base } : {}),
      ...(fix !== undefined ? { fix } : {}),
      ...(ruleKinds ? { kinds: ruleKinds } : {}),
    });
  });
  if (issues.length > 0) return { ok: false, issues };
  const kinds = matchableKinds(rules.map((r) => r.rule));
  const policyAction = normaliseAction(spec.validationFailureAction) ?? 'Audit';
  const policyOverrides = spec.validationFailureActionOverrides ?? [];
  const compiled: CompiledPolicy = {
    kind: policy.kind,
    name,
    ...(policy.kind === 'Policy' && policy.metadata?.namespace ? { namespace: policy.metadata.namespace } : {}),
    source: policy,
    rules,
    ...(kinds ? { kinds } : {}),
    readsImages: rules.some((r) => JSON.stringify(r.rule).includes('images')),
    failurePolicy: spec.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail',
    background: spec.background !== false,
    applyRules: spec.applyRules === 'One' ? 'One' : 'All',
    scored: annotations['policies.kyverno.io/scored'] !== 'false',
    ...(annotations['policies.kyverno.io/severity'] ? { severity: annotations['policies.kyverno.io/severity'] } : {}),
    ...(annotations['policies.kyverno.io/category'] ? { category: annotations['policies.kyverno.io/category'] } : {}),
    actionFor(rule, namespace, labels) {
      const v: Validation | undefined = rule.rule.validate;
      const overrides = v?.failureActionOverrides ?? policyOverrides;
      for (const o of overrides) {
        const nsHit = namespace !== undefined && (o.namespaces ?? []).some((p) => wildcardMatch(p, namespace));
        const selHit = o.namespaceSelector !== undefined && matchLabelSelector(o.namespaceSelector, labels);
        if (nsHit || selHit) return normaliseAction(o.action) ?? policyAction;
      }
      return normaliseAction(v?.failureAction) ?? policyAction;
    },
  };
  return { ok: true, policy: compiled };
}

/** The kinds a set of rules can match, or undefined when any kind may match. */
function matchableKinds(rules: readonly Rule[]): Set<string> | undefined {
  const kinds = new Set<string>();
  for (const rule of rules) {
    const m = rule.match ?? {};
    const filters = [...(m.any ?? []), ...(m.all ?? []), ...(m.resources ? [{ resources: m.resources }] : [])];
    if (filters.length === 0) return undefined;
    for (const f of filters) {
      const list = f.resources?.kinds;
      if (!list || list.length === 0) return undefined;
      for (const k of list) {
        const kind = parseKindSelector(k).kind;
        if (kind === '' || kind.includes('*') || kind.includes('?')) return undefined;
        kinds.add(kind);
      }
    }
  }
  return kinds;
}
