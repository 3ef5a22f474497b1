import { describe, expect, it } from 'vitest';
import { kyvernoFunctions, listFunctions } from './registry.js';

// Kyverno's custom functions (pkg/engine/jmespath functions.go + time.go, and the functions added in
// 1.12+: is_external_url, sha256, and md5/sha1 in 1.14).
const KYVERNO_NAMES = [
  'add', 'base64_decode', 'base64_encode', 'compare', 'divide', 'equal_fold', 'image_normalize', 'is_external_url',
  'items', 'label_match', 'lookup', 'md5', 'modulo', 'multiply', 'object_from_lists', 'parse_json', 'parse_yaml',
  'path_canonicalize', 'pattern_match', 'random', 'regex_match', 'regex_replace_all', 'regex_replace_all_literal',
  'replace', 'replace_all', 'round', 'semver_compare', 'sha1', 'sha256', 'split', 'subtract', 'sum', 'time_add',
  'time_after', 'time_before', 'time_between', 'time_diff', 'time_now', 'time_now_utc', 'time_parse', 'time_since',
  'time_to_cron', 'time_truncate', 'time_utc', 'to_boolean', 'to_lower', 'to_upper', 'trim', 'trim_prefix',
  'truncate', 'x509_decode',
];

describe('function registry', () => {
  it('has exactly Kyverno’s custom functions', () => {
    expect(listFunctions().map((f) => f.name)).toEqual([...KYVERNO_NAMES].sort((a, b) => a.localeCompare(b)));
  });
  it('every entry is documented: argument types, return type and a note', () => {
    for (const [key, def] of Object.entries(kyvernoFunctions)) {
      expect(def.name).toBe(key);
      expect(def.note.length).toBeGreaterThan(5);
      expect(def.returns.length).toBeGreaterThan(0);
      for (const arg of def.args) expect(arg.types.length).toBeGreaterThan(0);
    }
  });
});
