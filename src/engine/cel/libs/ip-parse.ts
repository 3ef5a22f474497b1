/**
 * Strict IP parsing as Kubernetes' CEL ip()/cidr() do (k8s.io/apiserver/pkg/cel/library/ip.go):
 * no leading zeros in IPv4, no zones, IPv4-mapped IPv6 rejected.
 */
export class IP {
  constructor(readonly family: 4 | 6, readonly value: bigint) {}
  get bits(): number {
    return this.family === 4 ? 32 : 128;
  }
  toString(): string {
    if (this.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((this.value >> s) & 255n)).join('.');
    const groups = Array.from({ length: 8 }, (_, i) => Number((this.value >> BigInt(112 - 16 * i)) & 0xffffn));
    return compressV6(groups);
  }
}

function compressV6(groups: number[]): string {
  let best = -1;
  let len = 0;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > len && j - i > 1) [best, len] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + len).join(':')}`;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

function parseV6(s: string): bigint | undefined {
  if (s.includes('%')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string | undefined): number[] | undefined => {
    if (!h) return [];
    const out: number[] = [];
    const parts = h.split(':');
    for (const [i, p] of parts.entries()) {
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseV4(p);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return undefined;
  const fill = 8 - head.length - tail.length;
  if ((halves.length === 1 && fill !== 0) || (halves.length === 2 && fill < 1)) return undefined;
  const all = [...head, ...Array<number>(halves.length === 2 ? fill : 0).fill(0), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

export function parseIP(s: string): IP | undefined {
  if (s.includes(':')) {
    const v = parseV6(s);
    if (v === undefined || v >> 32n === 0xffffn) return undefined;
    return new IP(6, v);
  }
  const v = parseV4(s);
  return v === undefined ? undefined : new IP(4, v);
}

export class CIDR {
  constructor(readonly ip: IP, readonly prefix: number) {}
  mask(): bigint {
    const host = BigInt(this.ip.bits - this.prefix);
    return ((1n << BigInt(this.ip.bits)) - 1n) ^ ((1n << host) - 1n);
  }
  contains(ip: IP): boolean {
    return ip.family === this.ip.family && (ip.value & this.mask()) === (this.ip.value & this.mask());
  }
  toString(): string {
    return `${this.ip.toString()}/${this.prefix}`;
  }
}

export function parseCIDR(s: string): CIDR | undefined {
  const m = /^([^/]+)\/(0|[1-9]\d{0,2})$/.exec(s);
  if (!m?.[1] || m[2] === undefined) return undefined;
  const ip = parseIP(m[1]);
  const prefix = Number(m[2]);
  if (!ip || prefix > ip.bits) return undefined;
  return new CIDR(ip, prefix);
}
