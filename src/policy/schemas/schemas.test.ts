import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS } from '../validate/schema-validator.js';
import { POLICY_KINDS } from './policy-kinds.js';

describe('policy schemas', () => {
  it.each(Object.entries(POLICY_KINDS))('%s compiles under ajv strict mode', (_key, kind) => {
    const ajv = new Ajv({ ...AJV_OPTIONS, strict: true, strictRequired: false });
    expect(() => ajv.compile(kind.schema)).not.toThrow();
  });

  it('every entry has versions and a schema requiring apiVersion and kind', () => {
    for (const kind of Object.values(POLICY_KINDS)) {
      expect(kind.versions.length).toBeGreaterThan(0);
      expect(kind.schema.required).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'metadata']));
    }
  });
});
