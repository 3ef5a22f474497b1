import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAdmissionReview } from './review.js';
import { resourceRefOf, toAdmissionInput } from './input.js';

const seed = JSON.parse(readFileSync(new URL('../../test/integration/fixtures/seed-noncompliant.review.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const review = (request: Record<string, unknown>) => ({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request });
const base = { uid: 'u-1', kind: { group: '', version: 'v1', kind: 'Pod' }, operation: 'CREATE', userInfo: {} };

describe('parseAdmissionReview', () => {
  it('reads the seed AdmissionReview', () => {
    const parsed = parseAdmissionReview(seed);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.request.uid).toBe('6c1e0f3a-2b7d-4f59-8a61-93d2c4e5f702');
  });

  it.each([
    ['a string', 'hello', 'GR_ADMISSION_MALFORMED_BODY'],
    ['an array', [], 'GR_ADMISSION_MALFORMED_BODY'],
    ['null', null, 'GR_ADMISSION_MALFORMED_BODY'],
    ['v1beta1', { ...review(base), apiVersion: 'admission.k8s.io/v1beta1' }, 'GR_ADMISSION_WRONG_API_VERSION'],
    ['another kind', { ...review(base), kind: 'TokenReview' }, 'GR_ADMISSION_WRONG_KIND'],
    ['no request', { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }, 'GR_ADMISSION_INVALID_REQUEST'],
    ['no uid', review({ ...base, uid: '' }), 'GR_ADMISSION_INVALID_REQUEST'],
    ['a bad operation', review({ ...base, operation: 'PATCH' }), 'GR_ADMISSION_INVALID_REQUEST'],
    ['a bad kind', review({ ...base, kind: 'Pod' }), 'GR_ADMISSION_INVALID_REQUEST'],
    ['no userInfo', review({ ...base, userInfo: undefined }), 'GR_ADMISSION_INVALID_REQUEST'],
    ['a non-object object', review({ ...base, object: 'x' }), 'GR_ADMISSION_INVALID_REQUEST'],
  ])('rejects %s with a code', (_name, body, code) => {
    const parsed = parseAdmissionReview(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe(code);
  });

  it('keeps the uid of a rejected review so it can be echoed', () => {
    const parsed = parseAdmissionReview({ ...review(base), apiVersion: 'admission.k8s.io/v1beta1' });
    expect(parsed).toMatchObject({ ok: false, uid: 'u-1', error: { path: '/apiVersion' } });
  });
});

describe('toAdmissionInput', () => {
  it('maps the request fields and leaves roles empty in local mode', () => {
    const parsed = parseAdmissionReview(seed);
    if (!parsed.ok) throw new Error('seed must parse');
    const input = toAdmissionInput({ ...parsed.request, dryRun: true, subResource: 'status' });
    expect(input).toMatchObject({
      uid: '6c1e0f3a-2b7d-4f59-8a61-93d2c4e5f702',
      operation: 'CREATE',
      kind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      resource: { group: 'apps', version: 'v1', resource: 'deployments' },
      subResource: 'status',
      namespace: 'nginx',
      name: 'nginx-deployment',
      dryRun: true,
      userInfo: { username: 'dev@example.com' },
      roles: [],
      clusterRoles: [],
      oldObject: null,
    });
    expect(input.object?.kind).toBe('Deployment');
  });

  it('names a resource on DELETE from oldObject and a generated one by its prefix', () => {
    const del = { ...base, operation: 'DELETE' as const, name: '', oldObject: { metadata: { name: 'old' } } };
    expect(resourceRefOf(del as never)).toEqual({ kind: 'Pod', name: 'old' });
    const gen = { ...base, namespace: 'ns', object: { metadata: { generateName: 'web-' } } };
    expect(resourceRefOf(gen as never)).toEqual({ kind: 'Pod', namespace: 'ns', name: 'web-*' });
  });
});
