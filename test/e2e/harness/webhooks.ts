/**
 * Webhook configurations pointing the API server at a Guardrail outside the cluster (clientConfig.url,
 * https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#url). Only
 * namespaces labelled E2E_LABEL are sent, so the suite's other files and the control plane are unaffected.
 */
export const E2E_LABEL = { key: 'guardrail.dev/e2e', value: 'enforce' } as const;

export const WEBHOOK_NAMES = {
  configuration: 'guardrail-e2e',
  validate: 'validate.guardrail.dev',
  mutate: 'mutate.guardrail.dev',
  policy: 'validate-policy.guardrail.dev',
} as const;

export type FailurePolicy = 'Fail' | 'Ignore';

export interface WebhookOptions {
  baseUrl: string;
  caBundle: string;
  failurePolicy: FailurePolicy;
  /** The API server's per-call limit, 1..30 s; short here so the failure scenarios stay quick. */
  timeoutSeconds?: number;
}

function entry(name: string, url: string, o: WebhookOptions, rules: string, selector: boolean): string {
  return [
    `- name: ${name}`,
    '  clientConfig:',
    `    url: ${url}`,
    `    caBundle: ${o.caBundle}`,
    '  rules:',
    rules,
    ...(selector ? ['  namespaceSelector:', '    matchLabels:', `      ${E2E_LABEL.key}: ${E2E_LABEL.value}`] : []),
    `  failurePolicy: ${o.failurePolicy}`,
    '  sideEffects: None',
    `  timeoutSeconds: ${o.timeoutSeconds ?? 10}`,
    '  admissionReviewVersions: ["v1"]',
  ].join('\n');
}

const WORKLOAD_RULES = [
  '  - apiGroups: ["", "apps", "batch"]',
  '    apiVersions: ["*"]',
  '    resources: ["*"]',
  '    operations: ["CREATE", "UPDATE"]',
  '    scope: "Namespaced"',
].join('\n');

const POLICY_RULES = [
  '  - apiGroups: ["kyverno.io"]',
  '    apiVersions: ["*"]',
  '    resources: ["clusterpolicies", "policies"]',
  '    operations: ["CREATE", "UPDATE"]',
].join('\n');

/** Both configurations as one multi-document YAML for `kubectl apply -f -`. */
export function webhookConfigurationsYaml(o: WebhookOptions): string {
  const meta = (kind: string): string =>
    `apiVersion: admissionregistration.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: ${WEBHOOK_NAMES.configuration}\nwebhooks:`;
  return [
    meta('ValidatingWebhookConfiguration'),
    entry(WEBHOOK_NAMES.validate, `${o.baseUrl}/validate`, o, WORKLOAD_RULES, true),
    entry(WEBHOOK_NAMES.policy, `${o.baseUrl}/validate/policy`, o, POLICY_RULES, false),
    '---',
    meta('MutatingWebhookConfiguration'),
    entry(WEBHOOK_NAMES.mutate, `${o.baseUrl}/mutate`, o, WORKLOAD_RULES, true),
    '',
  ].join('\n');
}
