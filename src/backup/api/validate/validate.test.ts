import { describe, expect, it } from 'vitest';
import { policyDoc, profileDoc } from '../test-fixtures.js';
import { validateBackupObject } from './validate-object.js';
import { validateBackupPolicy } from './validate-policy.js';
import { validateLocationProfile } from './validate-profile.js';

const codes = (issues: { code: string; path: string }[]): string[][] => issues.map((i) => [i.code, i.path]);

describe('schema', () => {
  it('accepts the fixtures', () => {
    expect(validateBackupObject(policyDoc()).issues).toEqual([]);
    expect(validateBackupObject(profileDoc()).issues).toEqual([]);
  });

  it('reports unknown, missing, mistyped and out-of-range fields with JSON Pointers', () => {
    const doc = { ...policyDoc(), spec: { ...policyDoc().spec, retention: { daily: -1 }, frequncy: 'x', paused: 'yes' } } as Record<string, unknown>;
    delete (doc.spec as Record<string, unknown>).selector;
    expect(codes(validateBackupObject(doc).issues).sort()).toEqual([
      ['SCHEMA_BAD_VALUE', '/spec/retention/daily'],
      ['SCHEMA_MISSING_FIELD', '/spec/selector'],
      ['SCHEMA_UNKNOWN_FIELD', '/spec/frequncy'],
      ['SCHEMA_WRONG_TYPE', '/spec/paused'],
    ]);
  });

  it('requires exactly one location and a profile on export actions', () => {
    const both = profileDoc({ location: { filesystem: { path: '/b' }, s3: { bucket: 'abc', credentialsSecret: { name: 's' } } } });
    expect(codes(validateBackupObject(both).issues)).toEqual([['SCHEMA_BAD_VALUE', '/spec/location']]);
    const noProfile = policyDoc({ actions: [{ action: 'export' }] });
    expect(codes(validateBackupObject(noProfile).issues)).toEqual([['SCHEMA_MISSING_FIELD', '/spec/actions/0/exportParameters']]);
  });

  it('rejects other kinds', () => {
    expect(codes(validateBackupObject({ apiVersion: 'apps/v1', kind: 'Deployment' }).issues)).toEqual([['UNKNOWN_BACKUP_KIND', '/kind']]);
  });
});

describe('BackupPolicy semantics', () => {
  it('hourly retention on a @daily policy', () => {
    const issues = validateBackupPolicy(policyDoc({ frequency: '@daily' }));
    expect(codes(issues)).toEqual([['RETENTION_FINER_THAN_FREQUENCY', '/spec/retention/hourly']]);
    expect(issues[0]?.message).toMatch(/every 25h|every 1d/);
  });

  it('daily retention on a @weekly policy and on a weekly export', () => {
    const p = policyDoc({
      frequency: '@weekly',
      retention: { daily: 7, weekly: 4 },
      actions: [{ action: 'export', exportParameters: { profile: { name: 'vault' }, frequency: '@daily' }, retention: { hourly: 3 } }],
    });
    expect(codes(validateBackupPolicy(p))).toEqual([
      ['RETENTION_FINER_THAN_FREQUENCY', '/spec/retention/daily'],
      ['RETENTION_FINER_THAN_FREQUENCY', '/spec/actions/0/retention/hourly'],
    ]);
  });

  it('a twice-hourly cron keeps hourly retention legal', () => {
    expect(validateBackupPolicy(policyDoc({ frequency: '*/30 * * * *' }))).toEqual([]);
  });

  it('unknown timezone, bad cron, unknown named frequency, subFrequency on cron', () => {
    expect(codes(validateBackupPolicy(policyDoc({ timezone: 'Europe/Atlantis' })))).toEqual([['UNKNOWN_TIMEZONE', '/spec/timezone']]);
    expect(codes(validateBackupPolicy(policyDoc({ frequency: '0 25 * * *' })))).toEqual([['BAD_CRON', '/spec/frequency']]);
    expect(codes(validateBackupPolicy(policyDoc({ frequency: '@fortnightly' })))).toEqual([['BAD_FREQUENCY', '/spec/frequency']]);
    expect(codes(validateBackupPolicy(policyDoc({ frequency: '0 * * * *', subFrequency: { minutes: [5] } })))).toEqual([['SUBFREQUENCY_NOT_ALLOWED', '/spec/subFrequency']]);
  });

  it('an RPO the schedule can never meet', () => {
    expect(codes(validateBackupPolicy(policyDoc({ rpo: '30m' })))).toEqual([['RPO_SHORTER_THAN_INTERVAL', '/spec/rpo']]);
    expect(validateBackupPolicy(policyDoc({ rpo: '1h' }))).toEqual([]);
  });

  it('minimum daily retention', () => {
    expect(codes(validateBackupPolicy(policyDoc({ retention: { hourly: 24, daily: 3 } }), { minDailyRetention: 7 }))).toEqual([['RETENTION_BELOW_MIN', '/spec/retention/daily']]);
    expect(validateBackupPolicy(policyDoc(), { minDailyRetention: 7 })).toEqual([]);
  });

  it('a policy selecting workloads in a critical namespace must be hourly', () => {
    const namespaces = [{ name: 'pay', labels: { 'guardrail.dev/critical': 'true' } }, { name: 'blog' }];
    const daily = policyDoc({ frequency: '@daily', retention: { daily: 7 }, selector: { namespaces: ['pay', 'blog'] } });
    const issues = validateBackupPolicy(daily, { namespaces });
    expect(codes(issues)).toEqual([['HOURLY_RPO_REQUIRED', '/spec/frequency']]);
    expect(issues[0]?.message).toContain('(pay)');
    expect(validateBackupPolicy({ ...daily, spec: { ...daily.spec, selector: { namespaces: ['blog'] } } }, { namespaces })).toEqual([]);
  });

  it('export references and immutable apps', () => {
    const immutable = policyDoc({ selector: { matchLabels: { immutable: 'enabled' } } });
    expect(codes(validateBackupPolicy(immutable, { profiles: [profileDoc({}, 'tamper-evident')] }))).toEqual([['EXPORT_PROFILE_NOT_IMMUTABLE', '/spec/actions/1/exportParameters/profile']]);
    expect(validateBackupPolicy(immutable, { profiles: [profileDoc()] })).toEqual([]);
    expect(codes(validateBackupPolicy(immutable, { profiles: [] }))).toEqual([['EXPORT_PROFILE_NOT_FOUND', '/spec/actions/1/exportParameters/profile/name']]);
    const noExport = policyDoc({ selector: { matchLabels: { immutable: 'enabled' } }, actions: [{ action: 'backup' }] });
    expect(codes(validateBackupPolicy(noExport, { profiles: [profileDoc()] }))).toEqual([['IMMUTABLE_EXPORT_MISSING', '/spec/actions']]);
  });
});

describe('LocationProfile semantics', () => {
  it('a protection period shorter than the maintenance interval', () => {
    expect(codes(validateLocationProfile(profileDoc({ protectionPeriod: '12h' })))).toEqual([['PROTECTION_SHORTER_THAN_MAINTENANCE', '/spec/protectionPeriod']]);
    expect(codes(validateLocationProfile(profileDoc({ protectionPeriod: '48h', maintenanceInterval: '72h' })))).toEqual([['PROTECTION_SHORTER_THAN_MAINTENANCE', '/spec/protectionPeriod']]);
    expect(validateLocationProfile(profileDoc({ protectionPeriod: '12h' }), { maintenanceInterval: '6h' })).toEqual([]);
  });

  it('a lock mode without a protection period', () => {
    const p = profileDoc();
    const { protectionPeriod: _, ...spec } = p.spec;
    expect(codes(validateLocationProfile({ ...p, spec }))).toEqual([['LOCK_MODE_WITHOUT_PROTECTION', '/spec/lockMode']]);
  });
});
