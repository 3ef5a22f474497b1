import { describe, expect, it } from 'vitest';
import { jp, jpError } from './test-helpers.js';

describe('object functions', () => {
  it('label_match: every label of the first is in the second', () => {
    const data = { a: { dog: 'lab', color: 'tan' }, b: { color: 'tan', weight: 'chonky', dog: 'lab' }, c: { color: 'black', dog: 'lab' } };
    expect(jp('label_match(a, b)', data)).toBe(true);
    expect(jp('label_match(a, c)', data)).toBe(false);
  });
  it('lookup reads a key or an index', () => {
    expect(jp("lookup(`{\"a\": 1}`, 'a')")).toBe(1);
    expect(jp("lookup(`{\"a\": 1}`, 'b')")).toBeNull();
    expect(jp('lookup(`[1, 2]`, `1`)')).toBe(2);
    expect(jp('lookup(`[1, 2]`, `5`)')).toBeNull();
    expect(jpError("lookup(`[1, 2]`, 'a')")).toBe("JMESPath function 'lookup': argument #2 is not of type Number");
  });
  it('items converts a map (sorted keys) or an array to key/value objects', () => {
    expect(jp("items(@, 'key', 'value')", { team: 'apple', organization: 'banana' })).toEqual([
      { key: 'organization', value: 'banana' },
      { key: 'team', value: 'apple' },
    ]);
    expect(jp("items(`[\"a\"]`, 'i', 'v')")).toEqual([{ i: 0, v: 'a' }]);
  });
  it('object_from_lists pairs keys and values, null past the end', () => {
    expect(jp("object_from_lists(`[\"a\", \"b\"]`, `[1]`)")).toEqual({ a: 1, b: null });
  });
});
