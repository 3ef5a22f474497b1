export { planRetention, hasRules } from './gfs.js';
export type { RestorePoint, GfsPolicy, RetentionPlan, BucketRule } from './gfs.js';
export { isoWeek, localParts, isValidTimeZone } from './calendar.js';
export type { LocalParts } from './calendar.js';
