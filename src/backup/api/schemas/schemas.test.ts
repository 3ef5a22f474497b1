import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { BACKUP_SCHEMAS } from './registry.js';

describe('backup schemas', () => {
  // strictRequired is off: it flags `required` inside if/then and oneOf branches, which is the point there.
  it.each(Object.entries(BACKUP_SCHEMAS))('%s compiles under ajv strict mode', (_, schema) => {
    const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, formats: { 'date-time': true } });
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it.each(Object.entries(BACKUP_SCHEMAS))('%s is structural: every property node has a type and no $ref', (_, schema) => {
    const untyped: string[] = [];
    const walk = (node: Record<string, unknown>, path: string): void => {
      if (JSON.stringify(node).includes('$ref')) untyped.push(`${path} ($ref)`);
      if (!('type' in node)) untyped.push(path);
      for (const [k, v] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) walk(v, `${path}/${k}`);
      if (node.items && typeof node.items === 'object') walk(node.items as Record<string, unknown>, `${path}[]`);
    };
    walk(schema, '');
    expect(untyped).toEqual([]);
  });
});
