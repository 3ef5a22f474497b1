import { describe, expect, it } from 'vitest';
import { patchFields } from './patch.js';
import { allowed } from './response.js';

describe('patchFields', () => {
  it('omits patch and patchType when there is nothing to patch', () => {
    expect(patchFields([])).toEqual({});
    expect(patchFields(undefined)).toEqual({});
    expect(Object.keys(allowed('u', { patch: [] }))).toEqual(['uid', 'allowed']);
  });

  it('encodes a JSONPatch as base64 with patchType JSONPatch', () => {
    const ops = [{ op: 'add' as const, path: '/metadata/labels/immutable', value: 'enabled' }];
    const fields = patchFields(ops);
    expect(fields.patchType).toBe('JSONPatch');
    expect(JSON.parse(Buffer.from(fields.patch ?? '', 'base64').toString('utf8'))).toEqual(ops);
    expect(allowed('u', { patch: ops })).toMatchObject({ uid: 'u', allowed: true, patchType: 'JSONPatch', patch: fields.patch });
  });
});
