/**
 * runAsNonRoot (restricted, 1.0) and runAsUser (restricted, 1.23): check_runAsNonRoot.go,
 * check_runAsUser.go. Upstream relaxes both for user-namespaced pods only behind an opt-in
 * (RelaxPolicyForUserNamespacePods) that Kyverno does not set, so it is not applied here.
 */
import { allowed, denied, forbidden, joinQuote, pluralize, required, securityContext, Violations, visitContainers } from '../helpers.js';
import type { Check, CheckResult, FieldError, PodView } from '../types.js';

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const containersLabel = (names: string[]) => `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;

function runAsNonRootV1Dot0(pod: PodView): CheckResult {
  const badSetters = new Violations();
  const podValue = securityContext(pod.spec)?.runAsNonRoot;
  if (podValue === false) badSetters.add('pod', forbidden('spec.securityContext.runAsNonRoot', false));
  const podRunAsNonRoot = podValue === true;
  const explicit: string[] = [];
  const explicitErrs: FieldError[] = [];
  const implicit = new Violations();
  visitContainers(pod.spec, ({ container, name, path }) => {
    const value = securityContext(container)?.runAsNonRoot;
    const field = `${path}.securityContext.runAsNonRoot`;
    if (isBool(value)) {
      if (!value) {
        explicit.push(name);
        explicitErrs.push(forbidden(field, false));
      }
    } else if (!podRunAsNonRoot) {
      implicit.add(name, required(field));
    }
  });
  if (explicit.length > 0) badSetters.add(containersLabel(explicit), ...explicitErrs);
  if (!badSetters.empty) {
    return denied('runAsNonRoot != true', `${badSetters.data.join(' and ')} must not set securityContext.runAsNonRoot=false`, badSetters.errs);
  }
  if (!implicit.empty) {
    return denied('runAsNonRoot != true', `pod or ${containersLabel(implicit.data)} must set securityContext.runAsNonRoot=true`, implicit.errs);
  }
  return allowed;
}

function runAsUserV1Dot23(pod: PodView): CheckResult {
  const badSetters = new Violations();
  if (securityContext(pod.spec)?.runAsUser === 0) badSetters.add('pod', forbidden('spec.securityContext.runAsUser', 0));
  const explicit: string[] = [];
  const explicitErrs: FieldError[] = [];
  visitContainers(pod.spec, ({ container, name, path }) => {
    if (securityContext(container)?.runAsUser === 0) {
      explicit.push(name);
      explicitErrs.push(forbidden(`${path}.securityContext.runAsUser`, 0));
    }
  });
  if (explicit.length > 0) badSetters.add(containersLabel(explicit), ...explicitErrs);
  if (badSetters.empty) return allowed;
  return denied('runAsUser=0', `${badSetters.data.join(' and ')} must not set runAsUser=0`, badSetters.errs);
}

export const runAsNonRoot: Check = { id: 'runAsNonRoot', level: 'restricted', versions: [{ minimumMinor: 0, check: runAsNonRootV1Dot0 }] };
export const runAsUser: Check = { id: 'runAsUser', level: 'restricted', versions: [{ minimumMinor: 23, check: runAsUserV1Dot23 }] };
