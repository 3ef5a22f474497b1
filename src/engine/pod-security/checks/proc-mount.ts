/** procMount (baseline, 1.0): securityContext.procMount unset or "Default" (check_procMount.go). */
import { allowed, denied, forbidden, joinQuote, pluralize, securityContext, sortedSet, Violations, visitContainers } from '../helpers.js';
import type { Check, CheckResult, PodView } from '../types.js';

function procMountV1Dot0(pod: PodView): CheckResult {
  const bad = new Violations();
  const types: string[] = [];
  visitContainers(pod.spec, ({ container, name, path }) => {
    const value = securityContext(container)?.procMount;
    if (value === undefined || value === null || value === 'Default') return;
    bad.add(name, forbidden(`${path}.securityContext.procMount`, String(value)));
    types.push(String(value));
  });
  if (bad.empty) return allowed;
  const detail = `${pluralize('container', 'containers', bad.len)} ${joinQuote(bad.data)} must not set securityContext.procMount to ${joinQuote(sortedSet(types))}`;
  return denied('procMount', detail, bad.errs);
}

export const procMount: Check = { id: 'procMount', level: 'baseline', versions: [{ minimumMinor: 0, check: procMountV1Dot0 }] };
