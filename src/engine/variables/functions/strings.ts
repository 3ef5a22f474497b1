/** String functions (Kyverno pkg/engine/jmespath/functions.go). */
import { cleanPath, equalFold, goReplace, trimCutset } from './go-strings.js';
import { defineFunctions, genericError, num, str } from './types.js';

const S = ['string'] as const;

export const stringFunctions = defineFunctions({
  compare: {
    args: [{ types: S }, { types: S }],
    returns: ['number'],
    note: 'compares two strings lexicographically',
    impl: (a) => {
      const x = str('compare', a, 0);
      const y = str('compare', a, 1);
      return x < y ? -1 : x > y ? 1 : 0;
    },
  },
  equal_fold: {
    args: [{ types: S }, { types: S }],
    returns: ['boolean'],
    note: 'allows comparing two strings for equivalency where the only differences are letter cases',
    impl: (a) => equalFold(str('equal_fold', a, 0), str('equal_fold', a, 1)),
  },
  replace: {
    args: [{ types: S }, { types: S }, { types: S }, { types: ['number'] }],
    returns: ['string'],
    note: 'replaces a specified number of instances of the source string with the replacement string in a parent',
    // strings.Replace: a negative count replaces every instance; the count is truncated to an int.
    impl: (a) =>
      goReplace(str('replace', a, 0), str('replace', a, 1), str('replace', a, 2), Math.trunc(num('replace', a, 3))),
  },
  replace_all: {
    args: [{ types: S }, { types: S }, { types: S }],
    returns: ['string'],
    note: 'replace all instances of one string with another in an overall parent string',
    impl: (a) => goReplace(str('replace_all', a, 0), str('replace_all', a, 1), str('replace_all', a, 2), -1),
  },
  to_upper: {
    args: [{ types: S }],
    returns: ['string'],
    note: 'takes in a string and outputs the same string with all upper-case letters',
    impl: (a) => str('to_upper', a, 0).toUpperCase(),
  },
  to_lower: {
    args: [{ types: S }],
    returns: ['string'],
    note: 'takes in a string and outputs the same string with all lower-case letters',
    impl: (a) => str('to_lower', a, 0).toLowerCase(),
  },
  trim: {
    args: [{ types: S }, { types: S }],
    returns: ['string'],
    note: 'trims both ends of the source string by characters appearing in the second string',
    impl: (a) => trimCutset(str('trim', a, 0), str('trim', a, 1)),
  },
  trim_prefix: {
    args: [{ types: S }, { types: S }],
    returns: ['string'],
    note: 'trims the second string prefix from the first string if the first string starts with the prefix',
    impl: (a) => {
      const s = str('trim_prefix', a, 0);
      const prefix = str('trim_prefix', a, 1);
      return s.startsWith(prefix) ? s.slice(prefix.length) : s;
    },
  },
  split: {
    args: [{ types: S }, { types: S }],
    returns: ['array[string]'],
    note: 'splits the first string when the second string is found and converts it into an array',
    impl: (a) => {
      const s = str('split', a, 0);
      const sep = str('split', a, 1);
      return sep === '' ? Array.from(s) : s.split(sep);
    },
  },
  truncate: {
    args: [{ types: S }, { types: ['number'] }],
    returns: ['string'],
    note: 'length argument must be enclosed in backticks; ex. "{{request.object.metadata.name | truncate(@, `9`)}}"',
    // aquilax/truncate CutStrategy: keeps the first n code points; a negative length counts as 0.
    impl: (a) => {
      const s = str('truncate', a, 0);
      const n = Math.max(0, Math.trunc(num('truncate', a, 1)));
      const chars = Array.from(s);
      return chars.length <= n ? s : chars.slice(0, n).join('');
    },
  },
  path_canonicalize: {
    args: [{ types: S }],
    returns: ['string'],
    note: 'normalizes or canonicalizes a given path by removing excess slashes',
    // filepath.Join(p) is "" for "" and path.Clean otherwise.
    impl: (a) => {
      const p = str('path_canonicalize', a, 0);
      return p === '' ? '' : cleanPath(p);
    },
  },
  to_boolean: {
    args: [{ types: S }],
    returns: ['boolean'],
    note: "It returns true or false for any string, such as 'True', 'TruE', 'False', 'FAlse', 'faLSE', etc.",
    impl: (a) => {
      const s = str('to_boolean', a, 0);
      const lower = s.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      throw genericError('to_boolean', `lowercase argument must be 'true' or 'false' (provided: '${s}')`);
    },
  },
});
