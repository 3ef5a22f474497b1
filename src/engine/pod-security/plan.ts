/**
 * The checks a (level, version) runs, chosen once and kept (issue #5): each with the implementation the
 * version selects and that implementation's pass predicate. Baseline runs baseline checks; restricted
 * runs every check, baseline ones included; `privileged` none (see evaluate-pss.ts for the semantics).
 */
import { CHECK_LIST } from './checks/index.js';
import { PASSES, type Passes } from './fast/index.js';
import type { Check, Level, Obj, PolicyVersion, VersionedCheck } from './types.js';

export interface PlannedCheck {
  check: Check;
  impl: VersionedCheck;
  passes: Passes;
}

/**
 * `latest` uses each check's newest implementation; a pinned version the newest implementation whose
 * minimum version is not newer than it (checks introduced later do not run).
 */
export function implementationIndex(check: Check, version: PolicyVersion): number {
  let chosen = -1;
  check.versions.forEach((v, i) => {
    if (!version.latest && v.minimumMinor > version.minor) return;
    if (chosen < 0 || v.minimumMinor >= (check.versions[chosen] as VersionedCheck).minimumMinor) chosen = i;
  });
  return chosen;
}

function buildPlan(level: Level, version: PolicyVersion): readonly PlannedCheck[] {
  if (level === 'privileged') return [];
  const planned: PlannedCheck[] = [];
  for (const check of CHECK_LIST) {
    if (level === 'baseline' && check.level !== 'baseline') continue;
    const i = implementationIndex(check, version);
    const impl = check.versions[i];
    const passes: Passes | undefined = PASSES[check.id][i];
    if (!impl || !passes) continue;
    planned.push({ check, impl, passes });
  }
  return planned;
}

/** Per level, per minor (-1 for latest). Versions come from policies, so the table stays small. */
const plans = new Map<Level, Map<number, readonly PlannedCheck[]>>();

export function planFor(level: Level, version: PolicyVersion): readonly PlannedCheck[] {
  const minor = version.latest ? -1 : version.minor;
  let byMinor = plans.get(level);
  if (!byMinor) plans.set(level, (byMinor = new Map()));
  let plan = byMinor.get(minor);
  if (!plan) byMinor.set(minor, (plan = buildPlan(level, version)));
  return plan;
}

/** Every planned check passes: no allocation, no message, no path. */
export function allPass(plan: readonly PlannedCheck[], spec: Obj, metadata: Obj): boolean {
  for (let i = 0; i < plan.length; i++) if (!(plan[i] as PlannedCheck).passes(spec, metadata)) return false;
  return true;
}
