import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../policy-types.js';
import type { AdmissionInput } from '../request.js';
import { checkExceptionMatch } from './index.js';

function pod(extra: Partial<AdmissionInput> = {}, metadata: JsonObject = { name: 'web', namespace: 'shop' }): AdmissionInput {
  const object = { apiVersion: 'v1', kind: 'Pod', metadata };
  return { operation: 'CREATE', object, oldObject: null, kind: { group: '', version: 'v1', kind: 'Pod' }, userInfo: {}, ...extra };
}

describe('checkExceptionMatch', () => {
  it('any / all filters', () => {
    expect(checkExceptionMatch({ any: [{ resources: { kinds: ['Pod'], names: ['web'] } }] }, pod()).matched).toBe(true);
    expect(checkExceptionMatch({ any: [{ resources: { kinds: ['Pod'], namespaces: ['prod'] } }] }, pod()).matched).toBe(false);
    expect(checkExceptionMatch({ all: [{ resources: { kinds: ['Pod'] } }, { resources: { namespaces: ['prod'] } }] }, pod()).matched).toBe(false);
  });
  it('always checks userInfo, even without user information', () => {
    const block = { any: [{ resources: { kinds: ['Pod'] }, subjects: [{ kind: 'User', name: 'alice' }] }] };
    expect(checkExceptionMatch(block, pod()).matched).toBe(false);
    expect(checkExceptionMatch(block, pod({ userInfo: { username: 'alice' } })).matched).toBe(true);
  });
  it('Pod does not cover ephemeralcontainers for exceptions', () => {
    expect(checkExceptionMatch({ any: [{ resources: { kinds: ['Pod'] } }] }, pod({ subResource: 'ephemeralcontainers' })).matched).toBe(false);
  });
  it('skips namespaceSelector for Namespace objects', () => {
    const ns: AdmissionInput = { ...pod(), object: { kind: 'Namespace', metadata: { name: 'shop' } }, kind: { group: '', version: 'v1', kind: 'Namespace' } };
    expect(checkExceptionMatch({ any: [{ resources: { kinds: ['Namespace'], namespaceSelector: { matchLabels: { a: 'b' } } } }] }, ns).matched).toBe(true);
  });
  it('empty filters never match', () => {
    expect(checkExceptionMatch({ any: [{}] }, pod()).matched).toBe(false);
  });
});
