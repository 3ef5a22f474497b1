import { isoWeek, localParts } from './calendar.js';
import type { LocalParts } from './calendar.js';

/** A restore point as retention sees it; `signed` is set only for manifests the engine signed. */
export interface RestorePoint {
  readonly id: string;
  readonly time: number;
  readonly signed: boolean;
  /** False for a failed or partial backup; defaults to true. */
  readonly good?: boolean;
  /** Epoch ms until which the point is under immutability protection. */
  readonly protectedUntil?: number;
}

export type BucketRule = 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly';

export interface GfsPolicy extends Partial<Record<BucketRule | 'last', number>> {
  /** The newest `minKeep` good points always survive, whatever the rules say (a run of failures). */
  readonly minKeep?: number;
  /** IANA time zone for calendar buckets; default UTC. */
  readonly timeZone?: string;
}

export interface RetentionPlan {
  readonly keep: { id: string; reasons: string[] }[];
  readonly forget: string[];
  /** Points no rule may count or remove: unsigned (possibly forged) manifests. */
  readonly ignored: { id: string; reason: string }[];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Bucket key per rule, on local wall-clock time (a repeated DST hour falls in one hourly bucket). */
const buckets = {
  hourly: (p) => `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}`,
  daily: (p) => `${p.year}-${pad(p.month)}-${pad(p.day)}`,
  weekly: (p) => {
    const w = isoWeek(p.year, p.month, p.day);
    return `${w.year}-W${pad(w.week)}`;
  },
  monthly: (p) => `${p.year}-${pad(p.month)}`,
  yearly: (p) => `${p.year}`,
} as const satisfies Record<BucketRule, (p: LocalParts) => string>;

const RULES = Object.keys(buckets) as BucketRule[];

export function hasRules(policy: GfsPolicy): boolean {
  return [...RULES, 'last' as const, 'minKeep' as const].some((r) => (policy[r] ?? 0) > 0);
}

/**
 * Grandfather-father-son retention, restic-style: for each rule with count n, the newest point of each of
 * the n newest buckets that hold a point is kept. Only signed, good points fill buckets; `last` counts the
 * newest signed points whatever their outcome; protection beats every rule; nothing unsigned is counted.
 */
export function planRetention(points: readonly RestorePoint[], policy: GfsPolicy, now: number): RetentionPlan {
  const tz = policy.timeZone ?? 'UTC';
  const signed = points.filter((p) => p.signed).sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : -1));
  const good = signed.filter((p) => p.good !== false);
  const reasons = new Map<string, string[]>();
  const keep = (p: RestorePoint, why: string): void => {
    reasons.set(p.id, [...(reasons.get(p.id) ?? []), why]);
  };
  signed.slice(0, policy.last ?? 0).forEach((p, i) => keep(p, `last ${i + 1}`));
  good.slice(0, policy.minKeep ?? 0).forEach((p, i) => keep(p, `minKeep ${i + 1}`));
  const parts = new Map(good.map((p) => [p.id, localParts(p.time, tz)]));
  for (const rule of RULES) {
    let left = policy[rule] ?? 0;
    let lastKey: string | undefined;
    for (const p of good) {
      if (left <= 0) break;
      const key = buckets[rule](parts.get(p.id) as LocalParts);
      if (key === lastKey) continue;
      lastKey = key;
      keep(p, `${rule} ${key}`);
      left -= 1;
    }
  }
  for (const p of signed) if ((p.protectedUntil ?? 0) > now) keep(p, `immutable until ${new Date(p.protectedUntil as number).toISOString()}`);
  return {
    keep: signed.filter((p) => reasons.has(p.id)).map((p) => ({ id: p.id, reasons: reasons.get(p.id) ?? [] })),
    forget: signed.filter((p) => !reasons.has(p.id)).map((p) => p.id),
    ignored: points.filter((p) => !p.signed).map((p) => ({ id: p.id, reason: 'not signed by the engine: not a restore point' })),
  };
}
