/**
 * seccompProfile_baseline (1.0: alpha annotations; 1.19: securityContext.seccompProfile.type may only be
 * RuntimeDefault or Localhost) and seccompProfile_restricted (1.19: it must also be set, on the pod or on
 * every container; 1.25 exempts Windows pods): check_seccompProfile_baseline.go, _restricted.go.
 */
import { allowed, denied, forbidden, joinQuote, obj, pluralize, required, securityContext, sortedSet, str, Violations, visitContainers } from '../helpers.js';
import type { Check, CheckResult, FieldError, PodView } from '../types.js';
import { isWindowsPod } from './privilege.js';

export const ANNOTATION_POD = 'seccomp.security.alpha.kubernetes.io/pod';
export const ANNOTATION_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

export const validType = (t: string) => t === 'RuntimeDefault' || t === 'Localhost';
export const validAnnotation = (v: string) => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');

function seccompBaselineV1Dot0(pod: PodView): CheckResult {
  const annotations = obj(pod.metadata.annotations) ?? {};
  const found = new Map<string, FieldError[]>();
  const inspect = (key: string) => {
    const value = annotations[key];
    if (typeof value !== 'string' || validAnnotation(value)) return;
    const item = `${key}=${JSON.stringify(value)}`;
    found.set(item, [...(found.get(item) ?? []), forbidden(`metadata.annotations[${key}]`, value)]);
  };
  inspect(ANNOTATION_POD);
  visitContainers(pod.spec, ({ name }) => inspect(ANNOTATION_CONTAINER_PREFIX + name));
  if (found.size === 0) return allowed;
  const items = [...found.keys()].sort();
  const detail = `forbidden ${pluralize('annotation', 'annotations', items.length)} ${items.join(', ')}`;
  return denied('seccompProfile', detail, [...found.values()].flat());
}

/** Shared by both levels: explicit bad values, and (restricted only) containers that leave it unset. */
function seccompFields(pod: PodView, requireSet: boolean): CheckResult {
  const badSetters = new Violations();
  const badValues: string[] = [];
  const podProfile = obj(securityContext(pod.spec)?.seccompProfile);
  let podSet = false;
  if (podProfile) {
    const type = str(podProfile.type);
    if (!validType(type)) {
      badSetters.add('pod', forbidden('spec.securityContext.seccompProfile.type', type));
      badValues.push(type);
    } else podSet = true;
  }
  const explicit: string[] = [];
  const explicitErrs: FieldError[] = [];
  const implicit = new Violations();
  visitContainers(pod.spec, ({ container, name, path }) => {
    const profile = obj(securityContext(container)?.seccompProfile);
    const field = `${path}.securityContext.seccompProfile.type`;
    if (profile) {
      const type = str(profile.type);
      if (validType(type)) return;
      explicit.push(name);
      explicitErrs.push(forbidden(field, type));
      badValues.push(type);
    } else if (requireSet && !podSet) implicit.add(name, required(field));
  });
  if (explicit.length > 0) badSetters.add(`${pluralize('container', 'containers', explicit.length)} ${joinQuote(explicit)}`, ...explicitErrs);
  if (!badSetters.empty) {
    const detail = `${badSetters.data.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`;
    return denied('seccompProfile', detail, badSetters.errs);
  }
  if (!implicit.empty) {
    const detail = `pod or ${pluralize('container', 'containers', implicit.len)} ${joinQuote(implicit.data)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`;
    return denied('seccompProfile', detail, implicit.errs);
  }
  return allowed;
}

export const seccompProfileBaseline: Check = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  versions: [
    { minimumMinor: 0, check: seccompBaselineV1Dot0 },
    { minimumMinor: 19, check: (pod) => seccompFields(pod, false) },
  ],
};

export const seccompProfileRestricted: Check = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  versions: [
    { minimumMinor: 19, check: (pod) => seccompFields(pod, true) },
    { minimumMinor: 25, check: (pod) => (isWindowsPod(pod) ? allowed : seccompFields(pod, true)) },
  ],
};
