import { describe, expect, it } from 'vitest';
import { jp, jpError } from './test-helpers.js';

describe('encoding functions', () => {
  it('base64_encode and base64_decode round-trip', () => {
    expect(jp("base64_encode('Hello world!')")).toBe('SGVsbG8gd29ybGQh');
    expect(jp("base64_decode('SGVsbG8gd29ybGQh')")).toBe('Hello world!');
    expect(jpError("base64_decode('abc')")).toMatch(/illegal base64 data/);
  });
  it('sha256, sha1 and md5 are hex digests', () => {
    expect(jp("sha256('hello')")).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(jp("sha1('hello')")).toBe('aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
    expect(jp("md5('hello')")).toBe('5d41402abc4b2a76b9719d911017c592');
  });
  it('parse_json decodes any JSON value', () => {
    expect(jp("parse_json('{\"a\": [1, 2]}')")).toEqual({ a: [1, 2] });
    expect(jp("parse_json('\"x\"')")).toBe('x');
    expect(jpError("parse_json('{')")).toBeDefined();
  });
  it('parse_yaml decodes YAML with YAML 1.1 scalars', () => {
    expect(jp("parse_yaml('a: 1\nb: [x, z]')")).toEqual({ a: 1, b: ['x', 'z'] });
    expect(jp("parse_yaml('enabled: yes')")).toEqual({ enabled: true });
  });
});
