/**
 * capabilities_baseline (1.0: only the default set may be added) and capabilities_restricted (1.22: drop
 * ALL, add at most NET_BIND_SERVICE; 1.25 exempts Windows pods): check_capabilities_baseline.go,
 * check_capabilities_restricted.go.
 */
import { allowed, denied, forbidden, joinQuote, list, obj, pluralize, required, securityContext, sortedSet, Violations, visitContainers } from '../helpers.js';
import type { Check, CheckResult, PodView } from '../types.js';
import { isWindowsPod } from './privilege.js';

/** The container runtime's default capabilities (Docker's and containerd's defaults). */
export const ALLOWED_V1_0 = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

const strings = (v: unknown): string[] => list(v).map((x) => String(x));

function capabilitiesBaselineV1Dot0(pod: PodView): CheckResult {
  const bad = new Violations();
  const nonDefault: string[] = [];
  visitContainers(pod.spec, ({ container, name, path }) => {
    const caps = obj(securityContext(container)?.capabilities);
    if (!caps) return;
    const forbiddenCaps = strings(caps.add).filter((c) => !ALLOWED_V1_0.has(c));
    if (forbiddenCaps.length === 0) return;
    nonDefault.push(...forbiddenCaps);
    bad.add(name, forbidden(`${path}.securityContext.capabilities.add`, sortedSet(forbiddenCaps)));
  });
  if (bad.empty) return allowed;
  const detail = `${pluralize('container', 'containers', bad.len)} ${joinQuote(bad.data)} must not include ${joinQuote(sortedSet(nonDefault))} in securityContext.capabilities.add`;
  return denied('non-default capabilities', detail, bad.errs);
}

function capabilitiesRestrictedV1Dot22(pod: PodView): CheckResult {
  const missingDropAll = new Violations();
  const addingForbidden = new Violations();
  const forbiddenCaps: string[] = [];
  visitContainers(pod.spec, ({ container, name, path }) => {
    const caps = obj(securityContext(container)?.capabilities);
    const field = `${path}.securityContext.capabilities`;
    if (!caps) {
      missingDropAll.add(name, required(`${field}.drop`));
      return;
    }
    const drop = strings(caps.drop);
    if (!drop.includes('ALL')) {
      missingDropAll.add(name, drop.length > 0 ? forbidden(`${field}.drop`, sortedSet(drop)) : required(`${field}.drop`));
    }
    const added = strings(caps.add).filter((c) => c !== 'NET_BIND_SERVICE');
    if (added.length > 0) {
      forbiddenCaps.push(...added);
      addingForbidden.add(name, forbidden(`${field}.add`, sortedSet(added)));
    }
  });
  const details: string[] = [];
  if (!missingDropAll.empty) {
    details.push(`${pluralize('container', 'containers', missingDropAll.len)} ${joinQuote(missingDropAll.data)} must set securityContext.capabilities.drop=["ALL"]`);
  }
  if (!addingForbidden.empty) {
    details.push(`${pluralize('container', 'containers', addingForbidden.len)} ${joinQuote(addingForbidden.data)} must not include ${joinQuote(sortedSet(forbiddenCaps))} in securityContext.capabilities.add`);
  }
  if (details.length === 0) return allowed;
  return denied('unrestricted capabilities', details.join('; '), [...missingDropAll.errs, ...addingForbidden.errs]);
}

export const capabilitiesBaseline: Check = {
  id: 'capabilities_baseline',
  level: 'baseline',
  versions: [{ minimumMinor: 0, check: capabilitiesBaselineV1Dot0 }],
};

export const capabilitiesRestricted: Check = {
  id: 'capabilities_restricted',
  level: 'restricted',
  versions: [
    { minimumMinor: 22, check: capabilitiesRestrictedV1Dot22 },
    { minimumMinor: 25, check: (pod) => (isWindowsPod(pod) ? allowed : capabilitiesRestrictedV1Dot22(pod)) },
  ],
};
