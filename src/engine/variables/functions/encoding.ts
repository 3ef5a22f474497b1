/** Encoding, hashing and parsing functions (Kyverno pkg/engine/jmespath/functions.go). */
import { createHash } from 'node:crypto';
import { parse as parseYamlText } from 'yaml';
import { FunctionError } from '../errors.js';
import { defineFunctions, str } from './types.js';

const S = [{ types: ['string'] }] as const;
const B64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** base64.StdEncoding.DecodeString: padding required; CR and LF are ignored as Go does. */
function decodeBase64(text: string): string {
  const s = text.replace(/[\r\n]/g, '');
  if (!B64_RE.test(s)) {
    const bad = s.search(/[^A-Za-z0-9+/=]/);
    throw new FunctionError(`illegal base64 data at input byte ${bad >= 0 ? bad : Math.max(0, s.length - (s.length % 4 || 4))}`);
  }
  return Buffer.from(s, 'base64').toString('utf8');
}

const hash = (algorithm: string) => (a: unknown[]) => createHash(algorithm).update(str(algorithm, a, 0), 'utf8').digest('hex');

export const encodingFunctions = defineFunctions({
  base64_decode: {
    args: S,
    returns: ['string'],
    note: 'decodes a base 64 string',
    impl: (a) => decodeBase64(str('base64_decode', a, 0)),
  },
  base64_encode: {
    args: S,
    returns: ['string'],
    note: 'encodes a regular, plaintext and unencoded string to base64',
    impl: (a) => Buffer.from(str('base64_encode', a, 0), 'utf8').toString('base64'),
  },
  sha256: {
    args: S,
    returns: ['string'],
    note: 'generates a SHA-256 hash of the input string, hex encoded',
    impl: hash('sha256'),
  },
  sha1: {
    args: S,
    returns: ['string'],
    note: 'generates a SHA-1 hash of the input string, hex encoded',
    impl: hash('sha1'),
  },
  md5: {
    args: S,
    returns: ['string'],
    note: 'generates an MD5 hash of the input string, hex encoded',
    impl: hash('md5'),
  },
  parse_json: {
    args: S,
    returns: ['any'],
    note: 'decodes a valid JSON encoded string to the appropriate type. Opposite of `to_string` function',
    impl: (a) => {
      try {
        return JSON.parse(str('parse_json', a, 0)) as unknown;
      } catch (e) {
        throw new FunctionError((e as Error).message);
      }
    },
  },
  parse_yaml: {
    args: S,
    returns: ['any'],
    note: 'decodes a valid YAML encoded string to the appropriate type provided it can be represented as JSON',
    // sigs.k8s.io/yaml decodes with YAML 1.1 rules (yes/no/on/off are booleans).
    impl: (a) => {
      try {
        return (parseYamlText(str('parse_yaml', a, 0), { version: '1.1' }) as unknown) ?? null;
      } catch (e) {
        throw new FunctionError((e as Error).message);
      }
    },
  },
});
