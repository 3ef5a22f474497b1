/**
 * privileged (baseline, 1.0), allowPrivilegeEscalation (restricted, 1.8; 1.25 exempts Windows pods) and
 * windowsHostProcess (baseline, 1.0): check_privileged.go, check_allowPrivilegeEscalation.go,
 * check_windowsHostProcess.go.
 */
import { allowed, denied, forbidden, joinQuote, obj, pluralize, required, securityContext, Violations, visitContainers } from '../helpers.js';
import type { Check, CheckResult, FieldError, PodView } from '../types.js';

export const isWindowsPod = (pod: PodView): boolean => obj(pod.spec.os)?.name === 'windows';

function privilegedV1Dot0(pod: PodView): CheckResult {
  const bad = new Violations();
  visitContainers(pod.spec, ({ container, name, path }) => {
    if (securityContext(container)?.privileged === true) bad.add(name, forbidden(`${path}.securityContext.privileged`, true));
  });
  if (bad.empty) return allowed;
  const detail = `${pluralize('container', 'containers', bad.len)} ${joinQuote(bad.data)} must not set securityContext.privileged=true`;
  return denied('privileged', detail, bad.errs);
}

function allowPrivilegeEscalationV1Dot8(pod: PodView): CheckResult {
  const bad = new Violations();
  visitContainers(pod.spec, ({ container, name, path }) => {
    const field = `${path}.securityContext.allowPrivilegeEscalation`;
    const sc = securityContext(container);
    if (!sc) bad.add(name, required(field));
    else if (sc.allowPrivilegeEscalation === undefined || sc.allowPrivilegeEscalation === null) bad.add(name, forbidden(field, 'nil'));
    else if (sc.allowPrivilegeEscalation !== false) bad.add(name, forbidden(field, true));
  });
  if (bad.empty) return allowed;
  const detail = `${pluralize('container', 'containers', bad.len)} ${joinQuote(bad.data)} must set securityContext.allowPrivilegeEscalation=false`;
  return denied('allowPrivilegeEscalation != false', detail, bad.errs);
}

function windowsHostProcessV1Dot0(pod: PodView): CheckResult {
  const badContainers: string[] = [];
  const errs: FieldError[] = [];
  visitContainers(pod.spec, ({ container, name, path }) => {
    if (obj(securityContext(container)?.windowsOptions)?.hostProcess === true) {
      badContainers.push(name);
      errs.push(forbidden(`${path}.securityContext.windowsOptions.hostProcess`, true));
    }
  });
  const setters = new Violations();
  if (obj(securityContext(pod.spec)?.windowsOptions)?.hostProcess === true) {
    setters.add('pod', forbidden('spec.securityContext.windowsOptions.hostProcess', true));
  }
  if (badContainers.length > 0) {
    setters.add(`${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)}`, ...errs);
  }
  if (setters.empty) return allowed;
  return denied('hostProcess', `${setters.data.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`, setters.errs);
}

export const privileged: Check = { id: 'privileged', level: 'baseline', versions: [{ minimumMinor: 0, check: privilegedV1Dot0 }] };

export const allowPrivilegeEscalation: Check = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  versions: [
    { minimumMinor: 8, check: allowPrivilegeEscalationV1Dot8 },
    // 1.25: pod.spec.os.name=windows is exempt (the field cannot be set on Windows).
    { minimumMinor: 25, check: (pod) => (isWindowsPod(pod) ? allowed : allowPrivilegeEscalationV1Dot8(pod)) },
  ],
};

export const windowsHostProcess: Check = {
  id: 'windowsHostProcess',
  level: 'baseline',
  versions: [{ minimumMinor: 0, check: windowsHostProcessV1Dot0 }],
};
