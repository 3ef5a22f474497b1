import { describe, expect, it } from 'vitest';
import type { AdmissionRequest } from './types.js';
import { reviewPolicy } from './policy-review.js';

const policy = (rules: unknown[]) => ({
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name: 'require-team' },
  spec: { validationFailureAction: 'Enforce', rules },
});
const goodRule = {
  name: 'team',
  match: { any: [{ resources: { kinds: ['Pod'] } }] },
  validate: { message: 'team label required', pattern: { metadata: { labels: { team: '?*' } } } },
};
const request = (object: unknown, operation: AdmissionRequest['operation'] = 'CREATE'): AdmissionRequest => ({
  uid: 'u',
  kind: { group: 'kyverno.io', version: 'v1', kind: 'ClusterPolicy' },
  name: 'require-team',
  operation,
  userInfo: {},
  object: object as AdmissionRequest['object'],
});

describe('reviewPolicy', () => {
  it('allows a policy that validates and compiles', () => {
    expect(reviewPolicy(request(policy([goodRule])))).toMatchObject({ allowed: true, issues: [] });
  });

  it('denies a policy with schema and semantic problems, listing each with path and code', () => {
    const bad = policy([{ ...goodRule, validate: { message: 'x' } }, { ...goodRule, unknownField: 1 }]);
    const verdict = reviewPolicy(request(bad));
    expect(verdict.allowed).toBe(false);
    expect(verdict.message).toMatch(/^policy ClusterPolicy\/require-team is invalid:\n/);
    expect(verdict.message).toContain('/spec/rules/0/validate  VALIDATE_TYPE');
    expect(verdict.message).toContain('SCHEMA_UNKNOWN_FIELD');
  });

  it('denies a policy whose JMESPath does not parse', () => {
    const bad = policy([{ ...goodRule, validate: { message: 'name {{ request.object.metadata.name || }}', pattern: { metadata: { name: '?*' } } } }]);
    const verdict = reviewPolicy(request(bad));
    expect(verdict.allowed).toBe(false);
    expect(verdict.message).toContain('JMESPATH_INVALID');
  });

  it('always allows DELETE', () => {
    expect(reviewPolicy({ ...request(null, 'DELETE'), oldObject: policy([{ broken: true }]) }).allowed).toBe(true);
  });
});

describe('reviewPolicy on Guardrail backup objects', () => {
  const backupPolicy = (retention: Record<string, number>) => ({
    apiVersion: 'backup.guardrail.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name: 'gold', namespace: 'guardrail' },
    spec: { frequency: '@daily', rpo: '24h', retention, selector: {}, actions: [{ action: 'backup' }] },
  });
  const backupRequest = (object: unknown): AdmissionRequest => ({
    uid: 'u',
    kind: { group: 'backup.guardrail.dev', version: 'v1alpha1', kind: 'BackupPolicy' },
    name: 'gold',
    namespace: 'guardrail',
    operation: 'CREATE',
    userInfo: {},
    object: object as AdmissionRequest['object'],
  });

  it('denies a BackupPolicy whose retention is finer than its schedule, naming the field', () => {
    const verdict = reviewPolicy(backupRequest(backupPolicy({ hourly: 24, daily: 7 })));
    expect(verdict.allowed).toBe(false);
    expect(verdict.message).toMatch(/^policy BackupPolicy\/guardrail\/gold is invalid:\n/);
    expect(verdict.message).toContain('/spec/retention/hourly  RETENTION_FINER_THAN_FREQUENCY');
  });

  it('allows a sound BackupPolicy', () => {
    expect(reviewPolicy(backupRequest(backupPolicy({ daily: 7, weekly: 4 })))).toMatchObject({ allowed: true });
  });
});
