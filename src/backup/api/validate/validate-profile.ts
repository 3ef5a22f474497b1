import type { Issue } from '../../../engine/result.js';
import { parseDuration } from '../../../engine/values/index.js';
import type { LocationProfile } from '../types.js';
import { DEFAULT_MAINTENANCE_INTERVAL } from './context.js';
import type { ValidationContext } from './context.js';

/**
 * Maintenance extends every live lock to now + protectionPeriod (src/backup/repository/maintain.ts); if
 * the period is shorter than the interval between maintenance runs, locks lapse in between and live
 * restore points become deletable.
 */
export function validateLocationProfile(profile: LocationProfile, ctx: ValidationContext = {}): Issue[] {
  const out: Issue[] = [];
  const { spec } = profile;
  if (spec.lockMode && spec.protectionPeriod === undefined) {
    out.push({ code: 'LOCK_MODE_WITHOUT_PROTECTION', path: '/spec/lockMode', message: `lockMode ${spec.lockMode} has no effect without protectionPeriod`, severity: 'error' });
  }
  if (spec.protectionPeriod !== undefined) {
    const maintenance = spec.maintenanceInterval ?? ctx.maintenanceInterval ?? DEFAULT_MAINTENANCE_INTERVAL;
    const period = parseDuration(spec.protectionPeriod);
    const every = parseDuration(maintenance);
    if (period !== undefined && every !== undefined && period < every) {
      out.push({
        code: 'PROTECTION_SHORTER_THAN_MAINTENANCE',
        path: '/spec/protectionPeriod',
        message: `protectionPeriod ${spec.protectionPeriod} is shorter than the maintenance interval ${maintenance}; locks would lapse between maintenance runs`,
        severity: 'error',
      });
    }
  }
  return out;
}
