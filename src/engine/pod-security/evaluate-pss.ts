/**
 * Runs the checks of a level and version against a pod and returns the failed ones (Kyverno pkg/pss
 * evaluatePSS). Baseline runs baseline checks; restricted runs every check, baseline ones included, and,
 * unlike the PodSecurity admission plugin, without letting restricted checks override their baseline
 * counterparts (so a hostPath volume fails both hostPathVolumes and restrictedVolumes). `privileged`
 * allows everything, as the standard defines it.
 *
 * `latest` uses each check's newest implementation. For a pinned version, Kubernetes' semantics apply: the
 * newest implementation whose minimum version is not newer than the pinned one (checks introduced later
 * do not run). Kyverno instead runs every implementation up to the pinned version and reports each failure.
 *
 * A check whose pass predicate holds is not run (issue #5): only failing checks build their results.
 */
import { planFor, type PlannedCheck } from './plan.js';
import type { Level, PodView, PolicyVersion, PssCheckResult } from './types.js';

/** The failed checks of a plan (planFor), in its order. */
export function failedChecks(plan: readonly PlannedCheck[], pod: PodView): PssCheckResult[] {
  const failed: PssCheckResult[] = [];
  for (const { check, impl, passes } of plan) {
    if (passes(pod.spec, pod.metadata)) continue;
    const result = impl.check(pod);
    if (result.allowed) continue;
    failed.push({
      id: check.id,
      result: {
        allowed: false,
        forbiddenReason: result.forbiddenReason ?? '',
        forbiddenDetail: result.forbiddenDetail ?? '',
        errList: [...(result.errList ?? [])],
      },
    });
  }
  return failed;
}

export function evaluatePss(level: Level, version: PolicyVersion, pod: PodView): PssCheckResult[] {
  return failedChecks(planFor(level, version), pod);
}
