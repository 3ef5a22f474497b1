/**
 * sysctls (baseline): only the namespaced, node-isolated "safe" set (check_sysctls.go); 1.27 adds
 * net.ipv4.ip_local_reserved_ports, 1.29 the four tcp keepalive/fin timeout sysctls.
 */
import { allowed, denied, forbidden, list, obj, securityContext, str, Violations } from '../helpers.js';
import type { Check, CheckResult, PodView } from '../types.js';

export const V1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
export const V1_27 = [...V1_0, 'net.ipv4.ip_local_reserved_ports'];
export const V1_29 = [...V1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];

function sysctlsWith(allowedNames: ReadonlySet<string>) {
  return (pod: PodView): CheckResult => {
    const bad = new Violations();
    list(securityContext(pod.spec)?.sysctls).forEach((s, i) => {
      const name = str(obj(s)?.name);
      if (!allowedNames.has(name)) bad.add(name, forbidden(`spec.securityContext.sysctls[${i}].name`, name));
    });
    return bad.empty ? allowed : denied('forbidden sysctls', bad.data.join(', '), bad.errs);
  };
}

export const sysctls: Check = {
  id: 'sysctls',
  level: 'baseline',
  versions: [
    { minimumMinor: 0, check: sysctlsWith(new Set(V1_0)) },
    { minimumMinor: 27, check: sysctlsWith(new Set(V1_27)) },
    { minimumMinor: 29, check: sysctlsWith(new Set(V1_29)) },
  ],
};
