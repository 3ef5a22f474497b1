import type { Issue } from '../../../engine/result.js';
import { parseDuration } from '../../../engine/values/index.js';
import { buildSchedule, expectedInterval } from '../../scheduler/index.js';
import { CRITICAL_NAMESPACE_LABEL, LABELS } from '../group.js';
import { selectedNamespaces } from '../selector.js';
import type { BackupPolicy } from '../types.js';
import { DEFAULT_REFERENCE } from './context.js';
import type { ValidationContext } from './context.js';
import { exportActions, immutableAppIssues, profileRefIssues } from './immutability.js';
import { formatInterval, minRetentionIssues, retentionIssues } from './retention-checks.js';

const HOUR = 3_600_000;

/** Semantic checks of a BackupPolicy that passed its schema (see BACKUP_ISSUE_CODES). */
export function validateBackupPolicy(policy: BackupPolicy, ctx: ValidationContext = {}): Issue[] {
  const { spec } = policy;
  const { schedule, issues } = buildSchedule(spec);
  const out = [...issues];
  const reference = ctx.reference ?? DEFAULT_REFERENCE;
  const interval = schedule ? expectedInterval(schedule, reference) : undefined;
  out.push(...retentionIssues(spec.retention, interval, '/spec/retention', spec.frequency));
  for (const { action, index } of exportActions(policy)) {
    const f = action.exportParameters.frequency;
    const exportSchedule = f ? buildSchedule({ frequency: f, ...(spec.timezone ? { timezone: spec.timezone } : {}) }) : { schedule, issues: [] };
    for (const i of exportSchedule.issues) if (i.path === '/spec/frequency') out.push({ ...i, path: `/spec/actions/${index}/exportParameters/frequency` });
    const exportInterval = exportSchedule.schedule ? expectedInterval(exportSchedule.schedule, reference) : undefined;
    out.push(...retentionIssues(action.retention, exportInterval, `/spec/actions/${index}/retention`, f ?? spec.frequency));
  }
  out.push(...minRetentionIssues(spec.retention, ctx.minDailyRetention, '/spec/retention'));
  const rpo = spec.rpo === undefined ? undefined : parseDuration(spec.rpo);
  if (rpo !== undefined && interval !== undefined && rpo / 1e6 < interval) {
    out.push({ code: 'RPO_SHORTER_THAN_INTERVAL', path: '/spec/rpo', message: `rpo ${spec.rpo} is shorter than the ${formatInterval(interval)} between scheduled runs`, severity: 'error' });
  }
  if (ctx.namespaces && interval !== undefined && interval > HOUR) {
    const critical = selectedNamespaces(spec.selector, ctx.namespaces).filter((ns) => ns.labels?.[CRITICAL_NAMESPACE_LABEL] === 'true');
    if (critical.length) {
      const names = critical.map((n) => n.name).join(', ');
      out.push({ code: 'HOURLY_RPO_REQUIRED', path: '/spec/frequency', message: `selects workloads in critical namespaces (${names}); run @hourly or more often (now every ${formatInterval(interval)})`, severity: 'error' });
    }
  }
  if (ctx.profiles) {
    out.push(...profileRefIssues(policy, ctx.profiles));
    if (spec.selector.matchLabels?.[LABELS.immutable] === 'enabled') out.push(...immutableAppIssues(policy, ctx.profiles));
  }
  return out;
}
