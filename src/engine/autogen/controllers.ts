/**
 * Which pod controllers a policy's Pod rules are auto-generated for (Kyverno pkg/autogen/v1/autogen.go
 * CanAutoGen and computeRules; https://kyverno.io/docs/writing-policies/autogen/).
 *
 * Autogen is off for the whole policy when any rule generates resources or uses patchesJson6902, or when any
 * match/exclude description has a name, names, a label selector, annotations, or mixes Pod with other kinds;
 * and it is needed only when some description names Pod or a controller kind. Otherwise the annotation
 * `pod-policies.kyverno.io/autogen-controllers` picks the controllers (`none` disables), defaulting to all.
 */
import type { KyvernoPolicy, ResourceDescription, Rule } from '../policy-types.js';
import { containsKind } from '../match/index.js';

/** Annotation read by Kyverno (api/kyverno AnnotationAutogenControllers). */
export const AUTOGEN_ANNOTATION = 'pod-policies.kyverno.io/autogen-controllers';
export const CRONJOB = 'CronJob';
/** Controllers whose pods sit at spec.template (every default controller but CronJob). */
export const TEMPLATE_CONTROLLERS = ['DaemonSet', 'Deployment', 'Job', 'StatefulSet', 'ReplicaSet', 'ReplicationController'] as const;
export const DEFAULT_CONTROLLERS: readonly string[] = [...TEMPLATE_CONTROLLERS, CRONJOB];
const AUTOGEN_KINDS = new Set<string>([...DEFAULT_CONTROLLERS, 'Pod']);

function supports(d: ResourceDescription | undefined, needed: { value: boolean }): boolean {
  if (!d) return true;
  const kinds = d.kinds ?? [];
  const mixed = kinds.length > 1 && containsKind(kinds, 'Pod');
  if (d.name || d.names?.length || d.selector != null || d.annotations != null || mixed) return false;
  // Exact names only, as Kyverno's set lookup: `v1/Pod` alone does not ask for autogen.
  if (kinds.some((k) => AUTOGEN_KINDS.has(k))) needed.value = true;
  return true;
}

function hasPatchesJson6902(rule: Rule): boolean {
  const m = rule.mutate as { patchesJson6902?: unknown; foreach?: Array<{ patchesJson6902?: unknown }> } | undefined;
  return Boolean(m?.patchesJson6902) || (m?.foreach ?? []).some((f) => Boolean(f?.patchesJson6902));
}

const hasGenerate = (rule: Rule): boolean => rule.generate != null && Object.keys(rule.generate).length > 0;

/** Kyverno's CanAutoGen: may this policy's rules be auto-generated at all? */
export function canAutoGen(rules: readonly Rule[]): boolean {
  const needed = { value: false };
  for (const rule of rules) {
    if (hasGenerate(rule) || hasPatchesJson6902(rule)) return false;
    for (const block of [rule.match, rule.exclude]) {
      if (!block) continue;
      const descriptions = [block.resources, ...(block.any ?? []).map((f) => f.resources), ...(block.all ?? []).map((f) => f.resources)];
      if (!descriptions.every((d) => supports(d, needed))) return false;
    }
  }
  return needed.value;
}

/**
 * The controllers string Kyverno generates rules for: the annotation verbatim (split on `,`, deduplicated,
 * not trimmed), or all defaults; `none` when autogen does not apply.
 */
export function requestedControllers(policy: KyvernoPolicy): string[] {
  if (!canAutoGen(policy.spec?.rules ?? [])) return ['none'];
  const annotation = policy.metadata?.annotations?.[AUTOGEN_ANNOTATION];
  if (annotation === undefined) return [...DEFAULT_CONTROLLERS];
  return [...new Set(annotation.split(','))];
}

/**
 * Kinds of the `autogen-` rule for a controllers list (Kyverno generateRuleForControllers): `all` means the six
 * template controllers; otherwise the known ones listed; when none is known the list is used as is. Sorted.
 */
export function templateKinds(controllers: readonly string[]): string[] {
  if (controllers.length === 1 && controllers[0] === 'all') return [...TEMPLATE_CONTROLLERS].sort();
  const known = controllers.filter((c) => (TEMPLATE_CONTROLLERS as readonly string[]).includes(c));
  return [...(known.length > 0 ? known : controllers)].sort();
}

/** Kyverno tests the joined string for the substrings `CronJob` or `all`. */
export const wantsCronJob = (controllers: readonly string[]): boolean => {
  const joined = controllers.join(',');
  return joined.includes(CRONJOB) || joined.includes('all');
};

/** Controllers the policy's Pod rules are extended to: [] when autogen is off or `none`. */
export function autogenControllers(policy: KyvernoPolicy): string[] {
  const requested = requestedControllers(policy);
  if (requested.join(',') === 'none') return [];
  const withoutCron = requested.filter((c) => c !== CRONJOB);
  const template = withoutCron.join(',') === '' ? [] : templateKinds(withoutCron);
  return [...template, ...(wantsCronJob(requested) ? [CRONJOB] : [])];
}
