/**
 * appArmorProfile (baseline, 1.0): the beta annotations may only name runtime/default or localhost/*, and
 * securityContext.appArmorProfile.type (pod or container) only RuntimeDefault or Localhost
 * (check_appArmorProfile.go).
 */
import { allowed, denied, forbidden, joinQuote, obj, pluralize, securityContext, sortedSet, str, Violations, visitContainers } from '../helpers.js';
import type { Check, CheckResult, FieldError, PodView } from '../types.js';

export const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
export const allowedAnnotation = (v: string) => v === '' || v === 'runtime/default' || v.startsWith('localhost/');
export const allowedType = (t: string) => t === 'RuntimeDefault' || t === 'Localhost';

function appArmorProfileV1Dot0(pod: PodView): CheckResult {
  const badSetters = new Violations();
  const badValues: string[] = [];
  const podProfile = obj(securityContext(pod.spec)?.appArmorProfile);
  if (podProfile && !allowedType(str(podProfile.type))) {
    badSetters.add('pod', forbidden('spec.securityContext.appArmorProfile.type', str(podProfile.type)));
    badValues.push(str(podProfile.type));
  }
  const badContainers: string[] = [];
  const errs: FieldError[] = [];
  visitContainers(pod.spec, ({ container, name, path }) => {
    const profile = obj(securityContext(container)?.appArmorProfile);
    if (!profile || allowedType(str(profile.type))) return;
    badContainers.push(name);
    errs.push(forbidden(`${path}.securityContext.appArmorProfile.type`, str(profile.type)));
    badValues.push(str(profile.type));
  });
  if (badContainers.length > 0) badSetters.add(`${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)}`, ...errs);
  const annotations = obj(pod.metadata.annotations) ?? {};
  const badAnnotations: Array<[string, FieldError]> = [];
  for (const key of Object.keys(annotations).sort()) {
    const value = str(annotations[key]);
    if (!key.startsWith(ANNOTATION_PREFIX) || allowedAnnotation(value)) continue;
    badAnnotations.push([`${key}=${JSON.stringify(value)}`, forbidden(`metadata.annotations[${key}]`, value)]);
  }
  const valueList = sortedSet(badValues);
  if (badAnnotations.length > 0) {
    valueList.push(...badAnnotations.map(([item]) => item).sort());
    badSetters.add(pluralize('annotation', 'annotations', badAnnotations.length), ...badAnnotations.map(([, e]) => e));
  }
  if (badSetters.empty) return allowed;
  const reason = pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', valueList.length);
  return denied(reason, `${badSetters.data.join(' and ')} must not set AppArmor profile type to ${joinQuote(valueList)}`, badSetters.errs);
}

export const appArmorProfile: Check = { id: 'appArmorProfile', level: 'baseline', versions: [{ minimumMinor: 0, check: appArmorProfileV1Dot0 }] };
