import { describe, expect, it } from 'vitest';
import { findVariables } from './find.js';

describe('findVariables', () => {
  it('lists expressions with JSON pointers, keys included', () => {
    const doc = {
      match: { any: [{ resources: { names: ['{{ request.object.metadata.name }}'] } }] },
      validate: { pattern: { metadata: { labels: { '{{ key }}': 'x', 'a/b': 'v-{{ serviceAccountName }}' } } } },
    };
    expect(findVariables(doc)).toEqual([
      { expr: 'request.object.metadata.name', pointer: '/match/any/0/resources/names/0' },
      { expr: 'key', pointer: '/validate/pattern/metadata/labels/{{ key }}' },
      { expr: 'serviceAccountName', pointer: '/validate/pattern/metadata/labels/a~1b' },
    ]);
  });
  it('ignores escaped variables and reports nested ones inner first', () => {
    expect(findVariables('\\{{ not.a.var }}')).toEqual([]);
    expect(findVariables('{{ a.{{ b }} }}').map((v) => v.expr)).toEqual(['b', 'a.placeholderValue']);
  });
});
