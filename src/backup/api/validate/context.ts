import type { NamespaceInfo } from '../selector.js';
import type { LocationProfile } from '../types.js';

/** What cross-object checks may look at; every field is optional and a missing one skips its checks. */
export interface ValidationContext {
  /** Known LocationProfiles; export references are checked only when given. */
  readonly profiles?: readonly LocationProfile[];
  /** Namespaces with labels; enables the critical-namespace (hourly RPO) check. */
  readonly namespaces?: readonly NamespaceInfo[];
  /** Minimum daily retention (the minimum-retention guardrail); unchecked when absent. */
  readonly minDailyRetention?: number;
  /** Default maintenance interval for profiles that set none (Go duration); default 24h. */
  readonly maintenanceInterval?: string;
  /** Reference instant for schedule sampling; a fixed default keeps validation deterministic. */
  readonly reference?: number;
}

export const DEFAULT_MAINTENANCE_INTERVAL = '24h';
/** 2026-01-01T00:00Z: sampling a year from here covers both DST transitions of every zone. */
export const DEFAULT_REFERENCE = Date.UTC(2026, 0, 1);
