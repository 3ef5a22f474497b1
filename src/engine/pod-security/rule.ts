/**
 * One `validate.podSecurity` rule against one resource, as Kyverno's validate_pss.go decides it: the
 * level's checks minus the rule's `exclude` entries; a pass, or a fail whose message lists the failed
 * checks. A PolicyException with `podSecurity` entries is applied after a failure: when its exclusions
 * leave nothing, the rule is skipped naming the exception. Field paths are re-rooted for controllers only
 * in the message, after exclusions (as Kyverno does since it moved convertChecks after them).
 */
import { applyExclusions } from './exclusions.js';
import { evaluatePss } from './evaluate-pss.js';
import { formatChecks } from './format.js';
import { podFromResource } from './pod-from-resource.js';
import type { Obj, PodSecurityExclude, PodSecurityRule, PssCheckResult } from './types.js';
import { parseLevel, parseVersion } from './version.js';

/** A matching PolicyException that carries `podSecurity` exclusions; `key` is `namespace/name`. */
export interface PodSecurityException {
  key: string;
  podSecurity: readonly PodSecurityExclude[];
}

export interface PodSecurityOutcome {
  status: 'pass' | 'fail' | 'skip' | 'error';
  message: string;
  reason?: string;
  /** Set when a PolicyException exempted every failure. */
  exception?: string;
  /** The failed checks left (empty on pass). */
  checks: PssCheckResult[];
}

const error = (message: string, reason: string): PodSecurityOutcome => ({ status: 'error', message, reason, checks: [] });

export function evaluatePodSecurity(
  ruleName: string,
  spec: PodSecurityRule,
  resource: Obj,
  exceptions: readonly PodSecurityException[] = [],
): PodSecurityOutcome {
  const version = parseVersion(spec.version);
  if (!version.ok) return error(`failed to parse pod security api version: ${version.message}`, 'PSS_VERSION_INVALID');
  const level = parseLevel(spec.level);
  if (!level.ok) return error(`invalid pod security level ${JSON.stringify(spec.level ?? '')}: ${level.message}`, 'PSS_LEVEL_INVALID');
  const pod = podFromResource(resource);
  if (!pod) return error('Error while getting new resource: could not find correct resource type', 'PSS_UNSUPPORTED_KIND');
  let checks = evaluatePss(level.value, version.value, pod);
  if (spec.exclude?.length) checks = applyExclusions(level.value, version.value, spec.exclude, checks, pod);
  if (checks.length === 0) return { status: 'pass', message: `Validation rule '${ruleName}' passed.`, checks };
  if (exceptions.length > 0) {
    // Kyverno applies the exclusions of every matching exception together, then names them all.
    const excludes = exceptions.flatMap((ex) => ex.podSecurity);
    checks = applyExclusions(level.value, version.value, excludes, checks, pod);
    if (checks.length === 0) {
      const keys = exceptions.map((ex) => ex.key).join(', ');
      return { status: 'skip', message: `rule is skipped due to policy exceptions ${keys}`, reason: 'EXCEPTION', exception: keys, checks };
    }
  }
  const kind = typeof resource.kind === 'string' ? resource.kind : '';
  const message = `Validation rule '${ruleName}' failed. It violates PodSecurity "${spec.level ?? ''}:${spec.version ?? ''}": ${formatChecks(checks, kind)}`;
  return { status: 'fail', message, checks };
}
