/**
 * Kyverno's computeRules (pkg/autogen/v1/autogen.go): the policy's own rules followed, for each rule that
 * matches Pods, by `autogen-<name>` (controllers with spec.template) and `autogen-cronjob-<name>` (CronJob,
 * built from the former, nested under spec.jobTemplate). Names are cut to 63 characters. Rules already named
 * `autogen-*` are dropped from the originals when rules are generated (Kyverno regenerates them).
 */
import type { KyvernoPolicy, MatchResources, Rule } from '../policy-types.js';
import { containsKind } from '../match/index.js';
import { CRONJOB, requestedControllers, templateKinds, wantsCronJob } from './controllers.js';
import { rewriteFields } from './rewrite-fields.js';
import { wrapRule } from './wrap.js';

export interface ExpandedRule {
  rule: Rule;
  /** Name of the rule it was generated from (itself for original rules). */
  source: string;
  /** 'none' for original rules. */
  autogen: 'none' | 'template' | 'cronjob';
}

const MAX_NAME = 63; // rule names are limited like Kubernetes label values
const autogenName = (prefix: string, name: string) => `${prefix}-${name}`.slice(0, MAX_NAME);
export const isAutogenRuleName = (name: string) => name.startsWith('autogen-');

function kindsOf(block: MatchResources | undefined): string[] {
  if (!block) return [];
  return [...(block.resources?.kinds ?? []), ...(block.all ?? []).flatMap((f) => f.resources?.kinds ?? []), ...(block.any ?? []).flatMap((f) => f.resources?.kinds ?? [])];
}

const isEmpty = (v: unknown) => v == null || (typeof v === 'object' && Object.keys(v).length === 0);

/** Kyverno's createRule + convertRule: keep the fields an autogen rule carries, drop empty ones, rewrite variables. */
function finish(rule: Rule, target: 'template' | 'cronjob'): Rule {
  const pre = rule.preconditions;
  const kept: Rule = {
    name: rule.name,
    match: isEmpty(rule.match) ? undefined : rule.match,
    exclude: isEmpty(rule.exclude) ? undefined : rule.exclude,
    celPreconditions: rule.celPreconditions?.length ? rule.celPreconditions : undefined,
    context: rule.context?.length ? rule.context : undefined,
    preconditions: (Array.isArray(pre) ? pre.length > 0 : !isEmpty(pre)) ? pre : undefined,
    mutate: isEmpty(rule.mutate) ? undefined : rule.mutate,
    validate: isEmpty(rule.validate) ? undefined : rule.validate,
    verifyImages: rule.verifyImages,
    skipBackgroundRequests: rule.skipBackgroundRequests,
  };
  const compacted = Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined)) as Rule;
  return rewriteFields(compacted, target);
}

function templateRule(rule: Rule, controllers: string[]): Rule | undefined {
  if (isAutogenRuleName(rule.name) || controllers.join(',') === '') return undefined;
  const excludeKinds = kindsOf(rule.exclude);
  if (!containsKind(kindsOf(rule.match), 'Pod')) return undefined;
  if (excludeKinds.length > 0 && !containsKind(excludeKinds, 'Pod')) return undefined;
  return wrapRule(rule, {
    name: autogenName('autogen', rule.name),
    tplKey: 'template',
    shift: 'spec/template',
    kinds: templateKinds(controllers),
    retarget: (f) => containsKind(f.resources?.kinds, 'Pod'),
  });
}

function cronJobRule(rule: Rule, controllers: string[]): Rule | undefined {
  if (!wantsCronJob(controllers)) return undefined;
  const base = templateRule(rule, controllers);
  if (!base) return undefined;
  return wrapRule(base, {
    name: autogenName('autogen-cronjob', rule.name),
    tplKey: 'jobTemplate',
    shift: 'spec/jobTemplate/spec/template',
    kinds: [CRONJOB],
    retarget: () => true,
  });
}

export function expandAutogenRulesWithOrigin(policy: KyvernoPolicy): ExpandedRule[] {
  const rules = policy.spec?.rules ?? [];
  const original = (keep: (r: Rule) => boolean): ExpandedRule[] =>
    rules.filter(keep).map((rule) => ({ rule, source: rule.name, autogen: 'none' as const }));
  const controllers = requestedControllers(policy);
  if (controllers.join(',') === 'none') return original(() => true);
  const generated: ExpandedRule[] = [];
  for (const rule of rules) {
    const tpl = templateRule(rule, controllers.filter((c) => c !== CRONJOB));
    if (tpl) generated.push({ rule: finish(tpl, 'template'), source: rule.name, autogen: 'template' });
    const cron = cronJobRule(rule, controllers);
    if (cron) generated.push({ rule: finish(cron, 'cronjob'), source: rule.name, autogen: 'cronjob' });
  }
  if (generated.length === 0) return original(() => true);
  return [...original((r) => !isAutogenRuleName(r.name)), ...generated];
}

/** The policy's rules plus the auto-generated pod-controller rules. Pure: the policy is not modified. */
export function expandAutogenRules(policy: KyvernoPolicy): Rule[] {
  return expandAutogenRulesWithOrigin(policy).map((e) => e.rule);
}
