/** The compiled form of a Kyverno ClusterPolicy/Policy: built once at load, evaluated per request. */
import type { CompiledCelRule } from './cel-policies/index.js';
import type { KyvernoPolicy, Rule } from './policy-types.js';

export type RuleKind = 'validate' | 'mutate' | 'generate' | 'verifyImages';
export type FailureAction = 'Enforce' | 'Audit';

export interface CompiledRule {
  readonly name: string;
  readonly rule: Rule;
  readonly kind: RuleKind;
  /** `validate.cel` rules are evaluated by the CEL engine. */
  readonly isCel: boolean;
  /** The compiled `validate.cel` block, when isCel. */
  readonly cel?: CompiledCelRule;
  /** Name of the rule this one was generated from by autogen (undefined for written rules). */
  readonly autogenOf?: string;
  /** Fix hint from `guardrail.dev/fix` on the rule's policy (`guardrail.dev/fix.<rule>` wins). */
  readonly fix?: string;
  /**
   * The kinds this rule can match, as CompiledPolicy.kinds for one rule (undefined: any kind may match): a
   * Deployment request skips the Pod and CronJob rules of an autogen'd policy without running their match.
   */
  readonly kinds?: ReadonlySet<string>;
}

export interface CompiledPolicy {
  readonly kind: 'ClusterPolicy' | 'Policy';
  readonly name: string;
  readonly namespace?: string;
  readonly source: KyvernoPolicy;
  readonly rules: readonly CompiledRule[];
  /**
   * Every kind any rule can match (the kind part of `match` kinds, autogen included), or undefined when a
   * rule matches any kind (wildcards, no kinds). Lets a request skip policies that cannot apply.
   */
  readonly kinds?: ReadonlySet<string>;
  /**
   * Whether any rule's text mentions `images` (the JMESPath variable, or a field of that name): the
   * `images` variable parses every container image, so a request builds it only when a policy may read it.
   */
  readonly readsImages: boolean;
  readonly failurePolicy: 'Fail' | 'Ignore';
  readonly background: boolean;
  readonly applyRules: 'All' | 'One';
  /** `policies.kyverno.io/scored: "false"` turns failures into warnings. */
  readonly scored: boolean;
  readonly severity?: string;
  readonly category?: string;
  /** Resolves Enforce/Audit for a rule and namespace, honouring rule-level and policy-level overrides. */
  actionFor(rule: CompiledRule, namespace: string | undefined, namespaceLabels?: Record<string, string>): FailureAction;
}
