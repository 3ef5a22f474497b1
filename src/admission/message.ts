/**
 * The deny message a developer reads in kubectl's output. Kyverno's block format is the baseline
 * (pkg/webhooks/resource/validation: GetBlockedMessages):
 *
 *   resource Deployment/nginx/nginx-deployment was blocked due to the following policies
 *
 *   require-data-protection-labels:
 *     require-backup-policy-label: 'validation error: ... failed at path /metadata/labels/dataprotection/'
 *
 * Guardrail adds, under a rule, a `fix:` line from the policy's `guardrail.dev/fix` annotation.
 */
import type { ResourceRef } from './input.js';

export interface BlockedRule {
  rule: string;
  message: string;
  fix?: string;
}

export interface BlockedPolicy {
  policy: string;
  rules: BlockedRule[];
}

export function describeResource(ref: ResourceRef): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}

export function buildDenyMessage(ref: ResourceRef, blocked: readonly BlockedPolicy[]): string {
  const lines = [`resource ${describeResource(ref)} was blocked due to the following policies`, ''];
  for (const p of blocked) {
    lines.push(`${yamlKey(p.policy)}:`);
    for (const r of p.rules) {
      lines.push(`  ${yamlKey(r.rule)}: ${yamlScalar(oneLine(r.message))}`);
      if (r.fix) lines.push(`    fix: ${oneLine(r.fix)}`);
    }
  }
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Kyverno marshals the map with sigs.k8s.io/yaml, which single-quotes strings that would not read back
// as plain scalars; we quote the same cases so messages look as they do with Kyverno.
const NEEDS_QUOTES = /^$|^[\s!&*?|>'"%@`#,[\]{}-]|: | #|:$|\s$/;

function yamlScalar(text: string): string {
  return NEEDS_QUOTES.test(text) ? `'${text.replace(/'/g, "''")}'` : text;
}

function yamlKey(text: string): string {
  return yamlScalar(text);
}
