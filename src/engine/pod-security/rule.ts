/**
 * One `validate.podSecurity` rule against one resource, as Kyverno's validate_pss.go decides it: the
 * level's checks minus the rule's `exclude` entries; a pass, or a fail whose message lists the failed
 * checks. A PolicyException with `podSecurity` entries is applied after a failure: when its exclusions
 * leave nothing, the rule is skipped naming the exception. Field paths are re-rooted for controllers only
 * in the message, after exclusions (as Kyverno does since it moved convertChecks after them).
 *
 * Issue #5: the rule's plan is kept per rule, and a pod that passes every check is answered by the pass
 * predicates alone (no check result, message or path is built); anything else runs the checks.
 */
import { failedChecks } from './evaluate-pss.js';
import { applyExclusions } from './exclusions.js';
import { formatChecks } from './format.js';
import { allPass, planFor, type PlannedCheck } from './plan.js';
import { podFromResource } from './pod-from-resource.js';
import type { Level, Obj, PodSecurityExclude, PodSecurityRule, PolicyVersion } from './types.js';
import type { PssCheckResult } from './types.js';
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

type Prepared = { ok: true; level: Level; version: PolicyVersion; plan: readonly PlannedCheck[] } | { ok: false; message: string; reason: string };
interface Cached {
  level: string | undefined;
  version: string | undefined;
  prepared: Prepared;
}

function prepare(spec: PodSecurityRule): Prepared {
  const version = parseVersion(spec.version);
  if (!version.ok) return { ok: false, message: `failed to parse pod security api version: ${version.message}`, reason: 'PSS_VERSION_INVALID' };
  const level = parseLevel(spec.level);
  if (!level.ok) return { ok: false, message: `invalid pod security level ${JSON.stringify(spec.level ?? '')}: ${level.message}`, reason: 'PSS_LEVEL_INVALID' };
  return { ok: true, level: level.value, version: version.value, plan: planFor(level.value, version.value) };
}

/** Per rule spec; re-prepared if its level or version string changed since. */
const prepared = new WeakMap<PodSecurityRule, Cached>();
function preparedFor(spec: PodSecurityRule): Prepared {
  const hit = prepared.get(spec);
  if (hit && hit.level === spec.level && hit.version === spec.version) return hit.prepared;
  const p = prepare(spec);
  prepared.set(spec, { level: spec.level, version: spec.version, prepared: p });
  return p;
}

/** Pass outcomes are shared (frozen): one per rule name. */
const passes = new Map<string, PodSecurityOutcome>();
function passOutcome(ruleName: string): PodSecurityOutcome {
  let out = passes.get(ruleName);
  if (!out) {
    if (passes.size >= 10_000) passes.clear();
    out = Object.freeze({ status: 'pass', message: `Validation rule '${ruleName}' passed.`, checks: Object.freeze([]) as unknown as PssCheckResult[] });
    passes.set(ruleName, out);
  }
  return out;
}

export function evaluatePodSecurity(
  ruleName: string,
  spec: PodSecurityRule,
  resource: Obj,
  exceptions: readonly PodSecurityException[] = [],
): PodSecurityOutcome {
  const p = preparedFor(spec);
  if (!p.ok) return error(p.message, p.reason);
  const pod = podFromResource(resource);
  if (!pod) return error('Error while getting new resource: could not find correct resource type', 'PSS_UNSUPPORTED_KIND');
  if (allPass(p.plan, pod.spec, pod.metadata)) return passOutcome(ruleName);
  let checks = failedChecks(p.plan, pod);
  if (spec.exclude?.length) checks = applyExclusions(p.level, p.version, spec.exclude, checks, pod);
  if (checks.length === 0) return { status: 'pass', message: `Validation rule '${ruleName}' passed.`, checks };
  if (exceptions.length > 0) {
    // Kyverno applies the exclusions of every matching exception together, then names them all.
    const excludes = exceptions.flatMap((ex) => ex.podSecurity);
    checks = applyExclusions(p.level, p.version, excludes, checks, pod);
    if (checks.length === 0) {
      const keys = exceptions.map((ex) => ex.key).join(', ');
      return { status: 'skip', message: `rule is skipped due to policy exceptions ${keys}`, reason: 'EXCEPTION', exception: keys, checks };
    }
  }
  const kind = typeof resource.kind === 'string' ? resource.kind : '';
  const message = `Validation rule '${ruleName}' failed. It violates PodSecurity "${spec.level ?? ''}:${spec.version ?? ''}": ${formatChecks(checks, kind)}`;
  return { status: 'fail', message, checks };
}
