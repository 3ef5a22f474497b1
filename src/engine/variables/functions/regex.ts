/** Regular-expression and wildcard functions (Kyverno pkg/engine/jmespath/functions.go). */
import { wildcardMatch } from '../../values/index.js';
import { FunctionError } from '../errors.js';
import { compileGoRegex, goReplaceAll } from './go-regex.js';
import { ifaceToString } from './go-strings.js';
import { defineFunctions, invalidArgType, str } from './types.js';

const SN = ['string', 'number'] as const;

/** Kyverno converts the 2nd/3rd arguments with ifaceToString and reports "String or Real" otherwise. */
function strOrReal(fn: string, args: unknown[], index: number): string {
  const s = ifaceToString(args[index]);
  if (s === undefined) throw invalidArgType(fn, index + 1, 'String or Real');
  return s;
}

function withRegexError<T>(fn: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof FunctionError && e.message.startsWith('error parsing regexp')) {
      throw new FunctionError(`JMESPath function '${fn}': ${e.message}`);
    }
    throw e;
  }
}

export const regexFunctions = defineFunctions({
  regex_replace_all: {
    args: [{ types: ['string'] }, { types: SN }, { types: SN }],
    returns: ['string'],
    note: 'converts all parameters to string',
    impl: (a) => {
      const re = str('regex_replace_all', a, 0);
      const src = strOrReal('regex_replace_all', a, 1);
      const repl = strOrReal('regex_replace_all', a, 2);
      return withRegexError('regex_replace_all', () => goReplaceAll(re, src, repl, false));
    },
  },
  regex_replace_all_literal: {
    args: [{ types: ['string'] }, { types: SN }, { types: SN }],
    returns: ['string'],
    note: 'converts all parameters to string',
    impl: (a) => {
      const re = str('regex_replace_all_literal', a, 0);
      const src = strOrReal('regex_replace_all_literal', a, 1);
      const repl = strOrReal('regex_replace_all_literal', a, 2);
      return withRegexError('regex_replace_all_literal', () => goReplaceAll(re, src, repl, true));
    },
  },
  regex_match: {
    args: [{ types: ['string'] }, { types: SN }],
    returns: ['boolean'],
    note: 'first string is the regular exression which is compared with second input which can be a number or string',
    // regexp.Match: unanchored search.
    impl: (a) => {
      const re = str('regex_match', a, 0);
      const src = strOrReal('regex_match', a, 1);
      return compileGoRegex(re).test(src);
    },
  },
  pattern_match: {
    args: [{ types: ['string'] }, { types: SN }],
    returns: ['boolean'],
    note: "'*' matches zero or more alphanumeric characters, '?' matches a single alphanumeric character",
    // Kyverno reports argument problems of pattern_match under the name regex_match (functions.go).
    impl: (a) => wildcardMatch(str('regex_match', a, 0), strOrReal('regex_match', a, 1)),
  },
});
