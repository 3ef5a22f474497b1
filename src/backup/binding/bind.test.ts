import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '../../engine/patch/index.js';
import type { JsonPatchOp } from '../../engine/patch/index.js';
import { policyDoc, profileDoc } from '../api/test-fixtures.js';
import { bindWorkload } from './bind.js';

const now = Date.parse('2026-05-04T10:00:00Z');
const policies = [policyDoc({}, 'gold'), policyDoc({ paused: true }, 'bronze')];
const deployment = (labels: Record<string, string>, annotations?: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', labels, ...(annotations ? { annotations } : {}) },
});

describe('bindWorkload', () => {
  it('binds a compliant workload with annotations as a JSON patch', () => {
    const r = bindWorkload(deployment({ purpose: 'production', dataprotection: 'k10-gold', immutable: 'enabled' }), policies, { now });
    expect(r).toEqual({
      kind: 'bound',
      policy: 'gold',
      warnings: [],
      patch: [{ op: 'add', path: '/metadata/annotations', value: { 'backup.guardrail.dev/policy': 'gold', 'backup.guardrail.dev/bound-at': '2026-05-04T10:00:00.000Z' } }],
    });
  });

  it('adds single annotations next to existing ones, escaping the slash (RFC 6901)', () => {
    const w = deployment({ dataprotection: 'k10-gold' }, { team: 'a' });
    const r = bindWorkload(w, policies, { now });
    if (r.kind !== 'bound') throw new Error(r.kind);
    expect(r.patch.map((o) => o.path)).toEqual(['/metadata/annotations/backup.guardrail.dev~1policy', '/metadata/annotations/backup.guardrail.dev~1bound-at']);
    const patched = applyJsonPatch(w, r.patch as JsonPatchOp[]);
    expect(patched.ok && (patched.doc as ReturnType<typeof deployment>).metadata.annotations).toEqual({ team: 'a', 'backup.guardrail.dev/policy': 'gold', 'backup.guardrail.dev/bound-at': '2026-05-04T10:00:00.000Z' });
  });

  it('is idempotent: an already bound workload keeps its bound-at', () => {
    const r = bindWorkload(deployment({ dataprotection: 'k10-gold' }, { 'backup.guardrail.dev/policy': 'gold', 'backup.guardrail.dev/bound-at': 'x' }), policies, { now });
    expect(r).toMatchObject({ kind: 'bound', patch: [] });
  });

  it('denies a missing policy, listing the existing ones', () => {
    const r = bindWorkload(deployment({ dataprotection: 'k10-silver' }), policies, { now });
    expect(r).toMatchObject({ kind: 'deny', reason: 'backup policy "silver" does not exist; existing policies: gold, bronze' });
    if (r.kind === 'deny') expect(r.issues.map((i) => [i.code, i.path])).toEqual([['POLICY_NOT_FOUND', '/metadata/labels/dataprotection']]);
    expect(bindWorkload(deployment({ dataprotection: 'k10-gold' }), [], { now })).toMatchObject({ reason: 'backup policy "gold" does not exist; existing policies: none' });
  });

  it('honours a configured prefix and rejects labels without it', () => {
    expect(bindWorkload(deployment({ dataprotection: 'bk-gold' }), policies, { now, prefix: 'bk-' })).toMatchObject({ kind: 'bound', policy: 'gold' });
    const r = bindWorkload(deployment({ dataprotection: 'gold' }), policies, { now });
    expect(r).toMatchObject({ kind: 'deny', issues: [{ code: 'BAD_POLICY_LABEL' }] });
  });

  it('denies an immutable app whose policy exports to a non-immutable profile', () => {
    const w = deployment({ dataprotection: 'k10-gold', immutable: 'enabled' });
    const r = bindWorkload(w, policies, { now, profiles: [profileDoc({}, 'tamper-evident')] });
    expect(r).toMatchObject({ kind: 'deny' });
    if (r.kind === 'deny') {
      expect(r.issues.map((i) => i.code)).toEqual(['EXPORT_PROFILE_NOT_IMMUTABLE', 'EXPORT_PROFILE_NOT_IMMUTABLE']);
      expect(r.reason).toMatch(/immutability is tamper-evident/);
    }
    expect(bindWorkload(w, policies, { now, profiles: [profileDoc()] }).kind).toBe('bound');
  });

  it('warns about a paused policy and skips what it does not cover', () => {
    expect(bindWorkload(deployment({ dataprotection: 'k10-bronze' }), policies, { now })).toMatchObject({ kind: 'bound', warnings: ['backup policy bronze is paused: no new restore points'] });
    expect(bindWorkload(deployment({ purpose: 'production' }), policies, { now }).kind).toBe('skip');
    expect(bindWorkload({ kind: 'ConfigMap', metadata: { labels: { dataprotection: 'k10-x' } } }, policies, { now }).kind).toBe('skip');
  });
});
