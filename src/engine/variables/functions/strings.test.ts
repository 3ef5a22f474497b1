import { describe, expect, it } from 'vitest';
import { jp, jpError } from './test-helpers.js';

// Examples from the Kyverno docs (Writing policies > JMESPath > Custom filters) and functions_test.go.
describe('string functions', () => {
  it('compare orders strings like strings.Compare', () => {
    expect(jp("compare('a', 'b')")).toBe(-1);
    expect(jp("compare('b', 'a')")).toBe(1);
    expect(jp("compare('b', 'b')")).toBe(0);
  });
  it('equal_fold ignores case', () => {
    expect(jp("equal_fold('pizza', 'Pizza')")).toBe(true);
    expect(jp("equal_fold('pizza', 'pIzZa')")).toBe(true);
    expect(jp("equal_fold('pizza', 'APPLE')")).toBe(false);
  });
  it('replace replaces n instances, all when n is negative', () => {
    expect(jp("replace('Lorem ipsum dolor sit amet', 'ipsum', 'muspi', `-1`)")).toBe('Lorem muspi dolor sit amet');
    expect(jp("replace('aaaa', 'a', 'b', `2`)")).toBe('bbaa');
    expect(jp("replace('aaaa', 'a', 'b', `0`)")).toBe('aaaa');
  });
  it('replace requires four arguments (Kyverno overrides the built-in)', () => {
    expect(jpError("replace('a', 'a', 'b')")).toMatch(/arity/i);
  });
  it('replace_all replaces every instance', () => {
    expect(jp("replace_all('Lorem ipsum dolor sit amet ipsum', 'ipsum', 'muspi')")).toBe('Lorem muspi dolor sit amet muspi');
  });
  it('to_upper and to_lower', () => {
    expect(jp("to_upper('abc')")).toBe('ABC');
    expect(jp("to_lower('AbC')")).toBe('abc');
  });
  it('trim removes cutset characters from both ends', () => {
    expect(jp("trim('¡¡¡Hello, Gophers!!!', '!¡')")).toBe('Hello, Gophers');
  });
  it('trim_prefix removes a leading prefix only', () => {
    expect(jp("trim_prefix('abcdef', 'abc')")).toBe('def');
    expect(jp("trim_prefix('abcdef', 'xyz')")).toBe('abcdef');
  });
  it('split splits on a separator', () => {
    expect(jp("split('Hello Gophers', ' ')")).toEqual(['Hello', 'Gophers']);
    expect(jp("split('abc', '')")).toEqual(['a', 'b', 'c']);
  });
  it('truncate keeps the first n characters, negative length gives empty', () => {
    expect(jp("truncate('Lorem ipsum dolor sit amet', `5`)")).toBe('Lorem');
    expect(jp("truncate('Lorem', `100`)")).toBe('Lorem');
    expect(jp("truncate('Lorem', `-1`)")).toBe('');
  });
  it('path_canonicalize cleans paths like filepath.Join', () => {
    expect(jp("path_canonicalize('///var/run/containerd/containerd.sock')")).toBe('/var/run/containerd/containerd.sock');
    expect(jp("path_canonicalize('/var/lib/../run//docker.sock')")).toBe('/var/run/docker.sock');
    expect(jp("path_canonicalize('')")).toBe('');
  });
  it('to_boolean accepts true/false in any case', () => {
    expect(jp("to_boolean('TruE')")).toBe(true);
    expect(jp("to_boolean('faLSE')")).toBe(false);
    expect(jpError("to_boolean('yes')")).toBe(
      "JMESPath function 'to_boolean': lowercase argument must be 'true' or 'false' (provided: 'yes')",
    );
  });
});
