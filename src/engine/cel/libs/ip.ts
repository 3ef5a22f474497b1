import { evalError } from './eval-error.js';
import { CIDR, IP, parseCIDR, parseIP } from './ip-parse.js';
import { registerNamespace, type CelLibrary } from './types.js';

/** k8s.io/apiserver/pkg/cel/library/ip.go and cidr.go. */
function ip(s: string): IP {
  const v = parseIP(s);
  if (!v) throw evalError('invalid_argument', `IP Address ${JSON.stringify(s)} parse error`);
  return v;
}

function cidr(s: string): CIDR {
  const v = parseCIDR(s);
  if (!v) throw evalError('invalid_argument', `network address ${JSON.stringify(s)} parse error`);
  return v;
}

const inRange = (i: IP, c: string): boolean => cidr(c).contains(i);
const V6_LINK_LOCAL_MULTICAST = 0xff02n << 112n;

function isLinkLocalMulticast(i: IP): boolean {
  if (i.family === 4) return inRange(i, '224.0.0.0/24');
  return (i.value & (0xff0fn << 112n)) === V6_LINK_LOCAL_MULTICAST;
}

function isGlobalUnicast(i: IP): boolean {
  if (i.family === 4) {
    const broadcast = i.value === 0xffffffffn;
    return !broadcast && !['0.0.0.0/32', '127.0.0.0/8', '224.0.0.0/4', '169.254.0.0/16'].some((c) => inRange(i, c));
  }
  return !['::/128', '::1/128', 'ff00::/8', 'fe80::/10'].some((c) => inRange(i, c));
}

export const ipLibrary = {
  source: 'k8s.io/apiserver/pkg/cel/library/ip.go, cidr.go',
  provider: 'ours',
  functions: [
    'ip(string): IP', 'isIP(string): bool', 'ip.isCanonical(string): bool', 'IP.family(): int', 'IP.isUnspecified(): bool',
    'IP.isLoopback(): bool', 'IP.isLinkLocalMulticast(): bool', 'IP.isLinkLocalUnicast(): bool', 'IP.isGlobalUnicast(): bool',
    'string(IP): string', 'cidr(string): CIDR', 'isCIDR(string): bool', 'CIDR.containsIP(IP|string): bool',
    'CIDR.containsCIDR(CIDR|string): bool', 'CIDR.ip(): IP', 'CIDR.masked(): CIDR', 'CIDR.prefixLength(): int', 'string(CIDR): string',
  ],
  register(env) {
    env.registerType('IP', IP);
    env.registerType('CIDR', CIDR);
    env.registerOperator('IP == IP', (a: IP, b: IP) => a.family === b.family && a.value === b.value);
    env.registerOperator('CIDR == CIDR', (a: CIDR, b: CIDR) => a.prefix === b.prefix && a.toString() === b.toString());
    env.registerFunction('ip(string): IP', ip);
    env.registerFunction('isIP(string): bool', (s: string) => parseIP(s) !== undefined);
    registerNamespace(env, 'ip', 'IPNamespace');
    env.registerFunction('IPNamespace.isCanonical(string): bool', (_: unknown, s: string) => ip(s).toString() === s);
    env.registerFunction('IP.family(): int', (i: IP) => BigInt(i.family));
    env.registerFunction('IP.isUnspecified(): bool', (i: IP) => i.value === 0n);
    env.registerFunction('IP.isLoopback(): bool', (i: IP) => (i.family === 4 ? inRange(i, '127.0.0.0/8') : i.value === 1n));
    env.registerFunction('IP.isLinkLocalMulticast(): bool', isLinkLocalMulticast);
    env.registerFunction('IP.isLinkLocalUnicast(): bool', (i: IP) => inRange(i, i.family === 4 ? '169.254.0.0/16' : 'fe80::/10'));
    env.registerFunction('IP.isGlobalUnicast(): bool', isGlobalUnicast);
    env.registerFunction('string(IP): string', (i: IP) => i.toString());
    env.registerFunction('cidr(string): CIDR', cidr);
    env.registerFunction('isCIDR(string): bool', (s: string) => parseCIDR(s) !== undefined);
    env.registerFunction('CIDR.containsIP(IP): bool', (c: CIDR, i: IP) => c.contains(i));
    env.registerFunction('CIDR.containsIP(string): bool', (c: CIDR, s: string) => c.contains(ip(s)));
    env.registerFunction('CIDR.containsCIDR(CIDR): bool', (c: CIDR, o: CIDR) => o.prefix >= c.prefix && c.contains(o.ip));
    env.registerFunction('CIDR.containsCIDR(string): bool', (c: CIDR, s: string) => {
      const o = cidr(s);
      return o.prefix >= c.prefix && c.contains(o.ip);
    });
    env.registerFunction('CIDR.ip(): IP', (c: CIDR) => c.ip);
    env.registerFunction('CIDR.masked(): CIDR', (c: CIDR) => new CIDR(new IP(c.ip.family, c.ip.value & c.mask()), c.prefix));
    env.registerFunction('CIDR.prefixLength(): int', (c: CIDR) => BigInt(c.prefix));
    env.registerFunction('string(CIDR): string', (c: CIDR) => c.toString());
  },
} as const satisfies CelLibrary;
