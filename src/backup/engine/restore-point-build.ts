/** RestorePoint objects (K10's apps.kio.kasten.io RestorePoint, trimmed) for local mode, pure. */
import { BACKUP_API_VERSION, type ItemOutcome, type RestorePoint, type RestorePointState } from '../api/index.js';
import type { RegisteredApp } from './app-registry.js';

/** `<app>-<UTC yyyymmddThhmmss>`: sortable, unique per app and second, a valid Kubernetes name. */
export function restorePointName(app: { name: string }, time: number): string {
  const stamp = new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'z').toLowerCase();
  return `${app.name}-${stamp}`.slice(0, 253);
}

export interface PointFields {
  readonly app: RegisteredApp;
  readonly name: string;
  readonly time: number;
  readonly state: RestorePointState;
  readonly items: readonly ItemOutcome[];
  readonly message?: string;
  readonly consistency?: 'crash' | 'application';
  readonly snapshotId?: string;
  readonly profile?: string;
  readonly retentionTags?: readonly string[];
  readonly retainUntil?: number;
  readonly exports?: Readonly<Record<string, string>>;
}

export function buildRestorePoint(f: PointFields): RestorePoint {
  const annotations = f.exports ? Object.fromEntries(Object.entries(f.exports).map(([p, id]) => [`backup.guardrail.dev/export.${p}`, id])) : undefined;
  return {
    apiVersion: BACKUP_API_VERSION,
    kind: 'RestorePoint',
    metadata: { name: f.name, namespace: f.app.namespace, labels: { 'backup.guardrail.dev/app': f.app.name, 'backup.guardrail.dev/policy': f.app.policy }, ...(annotations ? { annotations } : {}) },
    spec: {
      app: { kind: f.app.kind, name: f.app.name, namespace: f.app.namespace },
      policy: { name: f.app.policy },
      time: new Date(f.time).toISOString(),
      ...(f.consistency ? { consistency: f.consistency } : {}),
      ...(f.retentionTags ? { retentionTags: f.retentionTags } : {}),
      ...(f.retainUntil !== undefined ? { retainUntil: new Date(f.retainUntil).toISOString() } : {}),
      ...(f.snapshotId ? { snapshotId: f.snapshotId } : {}),
      ...(f.profile ? { profile: { name: f.profile } } : {}),
    },
    status: { state: f.state, items: [...f.items], ...(f.message ? { message: f.message } : {}) },
  };
}
