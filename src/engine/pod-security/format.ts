/**
 * Messages. `forbiddenText` is the admission plugin's wording (`privileged (container "nginx" must not
 * set securityContext.privileged=true)`); `formatChecks` is what Kyverno prints in a failed rule's message
 * (pkg/pss FormatChecksPrint), field paths rewritten for pod controllers as Kyverno's convertChecks does.
 */
import type { FieldError, PssCheckResult } from './types.js';

/** Go's `%+v` for the bad values the checks record. */
const goValue = (v: FieldError['badValue']): string => (Array.isArray(v) ? `[${v.join(' ')}]` : String(v));

/** field.Error.Error() for Required and Forbidden errors. */
const goError = (e: FieldError): string => `${e.field}: ${e.type === 'Required' ? 'Required value' : 'Forbidden'}`;

export function formatFieldError(e: FieldError): string {
  if (e.type === 'Forbidden' && e.badValue !== '') return `${e.field} is forbidden, forbidden values found: ${goValue(e.badValue)}`;
  return goError(e);
}

/** Re-rooted fields per kind: the same few fields fail on every request of a failing workload. */
const rerooted = new Map<string, Map<string, string>>();

/** Kyverno's convertChecks: every "spec" (controllers) and every "metadata" (all kinds) is re-rooted. */
export function controllerField(field: string, kind: string): string {
  let byField = rerooted.get(kind);
  if (!byField) {
    if (rerooted.size >= 100) rerooted.clear();
    rerooted.set(kind, (byField = new Map()));
  }
  let f = byField.get(field);
  if (f === undefined) {
    if (byField.size >= 10_000) byField.clear();
    byField.set(field, (f = reroot(field, kind)));
  }
  return f;
}

function reroot(field: string, kind: string): string {
  let f = field;
  if (TEMPLATE_KINDS.has(kind)) f = f.replaceAll('spec', 'spec.template.spec');
  else if (kind === 'CronJob') f = f.replaceAll('spec', 'spec.jobTemplate.spec.template.spec');
  return f.replaceAll('metadata', 'spec.template.metadata');
}

export const TEMPLATE_KINDS: ReadonlySet<string> = new Set(['DaemonSet', 'Deployment', 'Job', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export function formatChecks(checks: readonly PssCheckResult[], kind: string): string {
  return checks
    .map((c) => {
      const errs = c.result.errList.map((e) => formatFieldError({ ...e, field: controllerField(e.field, kind) }));
      return `(Forbidden reason: ${c.result.forbiddenReason}, field error list: [${errs.join(', ')}])`;
    })
    .join('');
}

/** `reason (detail), reason, ...` as the PodSecurity admission plugin aggregates failed checks. */
export function forbiddenText(checks: readonly PssCheckResult[]): string {
  return checks
    .map(({ result }) => (result.forbiddenDetail ? `${result.forbiddenReason} (${result.forbiddenDetail})` : result.forbiddenReason))
    .join(', ');
}
