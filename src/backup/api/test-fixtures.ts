import type { BackupPolicy, LocationProfile } from './types.js';

type Json = Record<string, unknown>;

export function policyDoc(spec: Json = {}, name = 'gold'): BackupPolicy {
  return {
    apiVersion: 'backup.guardrail.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name, namespace: 'guardrail' },
    spec: {
      frequency: '@hourly',
      retention: { hourly: 24, daily: 7, weekly: 4 },
      selector: { matchLabels: { dataprotection: `k10-${name}` } },
      actions: [{ action: 'backup' }, { action: 'export', exportParameters: { profile: { name: 'vault' } } }],
      ...spec,
    } as BackupPolicy['spec'],
  };
}

export function profileDoc(spec: Json = {}, immutability: 'enforced' | 'tamper-evident' | 'none' | undefined = 'enforced', name = 'vault'): LocationProfile {
  return {
    apiVersion: 'backup.guardrail.dev/v1alpha1',
    kind: 'LocationProfile',
    metadata: { name, namespace: 'guardrail' },
    spec: {
      location: { s3: { endpoint: 'https://s3.example.com', bucket: 'backups', region: 'eu-central-1', credentialsSecret: { name: 's3-creds' } } },
      protectionPeriod: '720h',
      lockMode: 'COMPLIANCE',
      ...spec,
    } as LocationProfile['spec'],
    ...(immutability ? { status: { immutability } } : {}),
  };
}
