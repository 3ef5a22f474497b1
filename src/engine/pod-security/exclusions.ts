/**
 * Exemptions from `exclude` entries (and PolicyException `podSecurity` entries), as Kyverno's pkg/pss
 * ApplyPodSecurityExclusion does them. Each entry re-runs the checks on a reduced pod:
 * - without images, on the pod with its containers replaced by one empty container (pod-level fields);
 * - with images, on a pod holding only the containers whose image matches one of them (wildcards).
 * Every field error that re-run finds for the control's checks (restricted to `restrictedField`, when
 * given, written with `[*]` for indexes, and to `values`, when given, all of whose bad values must match
 * one of them) removes the first error of the full evaluation at the same field (same container, for
 * container fields). A check left with no errors is exempt.
 *
 * Only the control's own checks can exempt anything, so (issue #5) only they are re-run on the reduced
 * pod, and an entry whose control has no failed check left is passed over without building one.
 */
import { checksOfControl } from './controls.js';
import { failedChecks } from './evaluate-pss.js';
import { list, obj, str } from './helpers.js';
import { planFor, type PlannedCheck } from './plan.js';
import type { CheckId, FieldError, Level, Obj, PodSecurityExclude, PodView, PolicyVersion, PssCheckResult } from './types.js';
import { wildcardMatch } from '../values/index.js';

const CONTAINER_KINDS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const anyMatch = (patterns: readonly string[], value: string) => patterns.some((p) => wildcardMatch(p, value));

/** A field with every index replaced by `*`, and the container it points into, if any. */
interface ParsedField {
  field: string;
  container?: { kind: string; index: number };
}

function parseField(field: string): ParsedField {
  const wildcarded = field.replace(/\d+/g, '*');
  const m = /^spec\.(containers|initContainers|ephemeralContainers)\[(\d+)\]/.exec(field);
  return m?.[1] && m[2] && CONTAINER_KINDS.has(m[1]) ? { field: wildcarded, container: { kind: m[1], index: Number(m[2]) } } : { field: wildcarded };
}

const containerName = (pod: PodView, c: { kind: string; index: number }) => str(obj(list(pod.spec[c.kind])[c.index])?.name);

/** extractBadValues: non-empty strings, booleans and numbers as text, string lists item by item. */
function badValues(err: FieldError): string[] {
  const v = err.badValue;
  if (Array.isArray(v)) return v;
  if (v === '') return [];
  return [String(v)];
}

function reducedPod(exclude: PodSecurityExclude, pod: PodView): { pod: PodView; containerLevel: boolean } {
  const images = exclude.images ?? [];
  if (images.length === 0) {
    return { pod: { metadata: pod.metadata, spec: { ...pod.spec, containers: [{ name: 'fake' }], initContainers: [], ephemeralContainers: [] } }, containerLevel: false };
  }
  const metadata: Obj = { name: pod.metadata.name, namespace: pod.metadata.namespace };
  const spec: Obj = {};
  for (const kind of CONTAINER_KINDS) {
    spec[kind] = list(pod.spec[kind]).filter((c) => anyMatch(images, str(obj(c)?.image)));
  }
  return { pod: { metadata, spec }, containerLevel: true };
}

function exempt(checks: PssCheckResult[], found: PssCheckResult[], exclude: PodSecurityExclude, pod: PodView, reduced: PodView, containerLevel: boolean): PssCheckResult[] {
  const byId = new Map(checks.map((c) => [c.id, { ...c, result: { ...c.result, errList: [...c.result.errList] } }]));
  const ids = checksOfControl(exclude.controlName);
  for (const result of found) {
    if (!ids.includes(result.id)) continue;
    for (const err of result.result.errList) {
      const ex = parseField(err.field);
      if (exclude.restrictedField && ex.field !== exclude.restrictedField) continue;
      if (exclude.values?.length && !badValues(err).every((b) => anyMatch(exclude.values ?? [], b))) continue;
      const target = byId.get(result.id);
      if (!target) continue;
      const exName = containerLevel && ex.container ? containerName(reduced, ex.container) : undefined;
      const idx = target.result.errList.findIndex((d) => {
        const def = parseField(d.field);
        if (def.field !== ex.field) return false;
        return exName === undefined || !def.container || containerName(pod, def.container) === exName;
      });
      if (idx < 0) continue;
      // Go's remove(): the last error takes the removed one's place.
      const errs = target.result.errList;
      errs[idx] = errs[errs.length - 1] as FieldError;
      errs.pop();
      if (errs.length === 0) byId.delete(result.id);
    }
  }
  return checks.filter((c) => byId.has(c.id)).map((c) => byId.get(c.id) as PssCheckResult);
}

/** The plan's checks that belong to a control, in plan order; kept per plan and control name. */
const controlPlans = new WeakMap<readonly PlannedCheck[], Map<string, readonly PlannedCheck[]>>();
function controlPlan(plan: readonly PlannedCheck[], controlName: string): readonly PlannedCheck[] {
  let byControl = controlPlans.get(plan);
  if (!byControl) controlPlans.set(plan, (byControl = new Map()));
  let sub = byControl.get(controlName);
  if (!sub) {
    const ids: readonly CheckId[] = checksOfControl(controlName);
    sub = plan.filter((p) => ids.includes(p.check.id));
    if (byControl.size >= 1000) byControl.clear();
    byControl.set(controlName, sub);
  }
  return sub;
}

export function applyExclusions(level: Level, version: PolicyVersion, excludes: readonly PodSecurityExclude[], checks: PssCheckResult[], pod: PodView): PssCheckResult[] {
  const plan = planFor(level, version);
  let remaining = checks;
  for (const exclude of excludes) {
    if (remaining.length === 0) break;
    const sub = controlPlan(plan, exclude.controlName);
    if (!remaining.some((c) => sub.some((p) => p.check.id === c.id))) continue;
    const { pod: reduced, containerLevel } = reducedPod(exclude, pod);
    remaining = exempt(remaining, failedChecks(sub, reduced), exclude, pod, reduced, containerLevel);
  }
  return remaining;
}
