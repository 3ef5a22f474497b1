/**
 * seLinuxOptions (baseline, 1.0): type only empty, container_t, container_init_t or container_kvm_t; user
 * and role never set, on the pod or any container (check_seLinuxOptions.go).
 */
import { allowed, denied, forbidden, joinQuote, obj, pluralize, securityContext, sortedSet, str, Violations, visitContainers } from '../helpers.js';
import type { Check, CheckResult, FieldError, Obj, PodView } from '../types.js';

export const ALLOWED_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);

function seLinuxOptionsV1Dot0(pod: PodView): CheckResult {
  const badSetters = new Violations();
  const badTypes: string[] = [];
  let setUser = false;
  let setRole = false;
  /** The field errors of one seLinuxOptions block under `base` (`spec` or `spec.containers[0]`). */
  const inspect = (options: Obj, base: string): FieldError[] => {
    const errs: FieldError[] = [];
    const type = str(options.type);
    if (!ALLOWED_TYPES.has(type)) {
      badTypes.push(type);
      errs.push(forbidden(`${base}.securityContext.seLinuxOptions.type`, type));
    }
    if (str(options.user) !== '') {
      setUser = true;
      errs.push(forbidden(`${base}.securityContext.seLinuxOptions.user`, str(options.user)));
    }
    if (str(options.role) !== '') {
      setRole = true;
      errs.push(forbidden(`${base}.securityContext.seLinuxOptions.role`, str(options.role)));
    }
    return errs;
  };
  const podOptions = obj(securityContext(pod.spec)?.seLinuxOptions);
  if (podOptions) {
    const errs = inspect(podOptions, 'spec');
    if (errs.length > 0) badSetters.add('pod', ...errs);
  }
  const badContainers: string[] = [];
  const containerErrs: FieldError[] = [];
  visitContainers(pod.spec, ({ container, name, path }) => {
    const options = obj(securityContext(container)?.seLinuxOptions);
    if (!options) return;
    const errs = inspect(options, path);
    if (errs.length === 0) return;
    badContainers.push(name);
    containerErrs.push(...errs);
  });
  if (badContainers.length > 0) badSetters.add(`${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)}`, ...containerErrs);
  if (badSetters.empty) return allowed;
  const badData: string[] = [];
  const types = sortedSet(badTypes);
  if (types.length > 0) badData.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
  if (setUser) badData.push('user may not be set');
  if (setRole) badData.push('role may not be set');
  const detail = `${badSetters.data.join(' and ')} set forbidden securityContext.seLinuxOptions: ${badData.join('; ')}`;
  return denied('seLinuxOptions', detail, badSetters.errs);
}

export const seLinuxOptions: Check = { id: 'seLinuxOptions', level: 'baseline', versions: [{ minimumMinor: 0, check: seLinuxOptionsV1Dot0 }] };
