/**
 * The podSecurity interpreter as it was before issue #5's fast path (rule.ts, evaluate-pss.ts and
 * exclusions.ts at 757149c), kept verbatim as the reference the property tests compare the fast
 * evaluator against. Tests only.
 */
import { checksOfControl } from './controls.js';
import { CHECK_LIST } from './checks/index.js';
import { formatChecks } from './format.js';
import { list, obj, str } from './helpers.js';
import { podFromResource } from './pod-from-resource.js';
import type { PodSecurityException, PodSecurityOutcome } from './rule.js';
import type { Check, FieldError, Level, Obj, PodSecurityExclude, PodSecurityRule, PodView, PolicyVersion, PssCheckResult, VersionedCheck } from './types.js';
import { parseLevel, parseVersion } from './version.js';
import { wildcardMatch } from '../values/index.js';
function implementationFor(check: Check, version: PolicyVersion): VersionedCheck | undefined {
  let chosen: VersionedCheck | undefined;
  for (const v of check.versions) {
    if (!version.latest && v.minimumMinor > version.minor) continue;
    if (!chosen || v.minimumMinor >= chosen.minimumMinor) chosen = v;
  }
  return chosen;
}

function evaluatePss(level: Level, version: PolicyVersion, pod: PodView): PssCheckResult[] {
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

function applyExclusions(level: Level, version: PolicyVersion, excludes: readonly PodSecurityExclude[], checks: PssCheckResult[], pod: PodView): PssCheckResult[] {
  let remaining = checks;
  for (const exclude of excludes) {
    if (remaining.length === 0) break;
    const { pod: reduced, containerLevel } = reducedPod(exclude, pod);
    remaining = exempt(remaining, evaluatePss(level, version, reduced), exclude, pod, reduced, containerLevel);
  }
  return remaining;
}
const error = (message: string, reason: string): PodSecurityOutcome => ({ status: 'error', message, reason, checks: [] });

export function referenceEvaluatePodSecurity(
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
