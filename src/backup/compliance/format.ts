import { truncateWarning } from '../../admission/index.js';

const M = 60_000;
const H = 60 * M;
const D = 24 * H;

/** Compact age for warnings: 45m, 3h, 2d (rounded down, so "1h" means at least one hour). */
export function formatAge(ms: number): string {
  if (ms < H) return `${Math.max(0, Math.floor(ms / M))}m`;
  if (ms < 2 * D) return `${Math.floor(ms / H)}h`;
  return `${Math.floor(ms / D)}d`;
}

/** RPO as written: whole days, hours or minutes. */
export function formatSpan(ms: number): string {
  if (ms % D === 0) return `${ms / D}d`;
  if (ms % H === 0) return `${ms / H}h`;
  return `${Math.round(ms / M)}m`;
}

/** `backup policy gold: last restore point 3h ago, RPO 1h`, at most 120 characters (admission warnings). */
export function complianceWarning(policy: string, parts: readonly string[]): string | undefined {
  return parts.length ? truncateWarning(`backup policy ${policy}: ${parts.join(', ')}`) : undefined;
}
