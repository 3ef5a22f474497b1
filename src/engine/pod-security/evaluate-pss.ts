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
 */
import { CHECK_LIST } from './checks/index.js';
import type { Check, Level, PodView, PolicyVersion, PssCheckResult, VersionedCheck } from './types.js';

function implementationFor(check: Check, version: PolicyVersion): VersionedCheck | undefined {
  let chosen: VersionedCheck | undefined;
  for (const v of check.versions) {
    if (!version.latest && v.minimumMinor > version.minor) continue;
    if (!chosen || v.minimumMinor >= chosen.minimumMinor) chosen = v;
  }
  return chosen;
}

export function evaluatePss(level: Level, version: PolicyVersion, pod: PodView): PssCheckResult[] {
  if (level === 'privileged') return [];
  const failed: PssCheckResult[] = [];
  for (const check of CHECK_LIST) {
    if (level === 'baseline' && check.level !== 'baseline') continue;
    const impl = implementationFor(check, version);
    if (!impl) continue;
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
