/** Object and array functions (Kyverno pkg/engine/jmespath/functions.go). */
import { ifaceToString } from './go-strings.js';
import { defineFunctions, genericError, invalidArgType, isObject } from './types.js';

export const objectFunctions = defineFunctions({
  label_match: {
    args: [{ types: ['object'] }, { types: ['object'] }],
    returns: ['boolean'],
    note: 'object arguments must be enclosed in backticks; ex. `{{request.object.spec.template.metadata.labels}}`',
    impl: (a) => {
      const labels = a[0];
      const target = a[1];
      // Kyverno numbers these two arguments 0 and 1 in its messages.
      if (!isObject(labels)) throw invalidArgType('label_match', 0, 'Object');
      if (!isObject(target)) throw invalidArgType('label_match', 1, 'Object');
      return Object.entries(labels).every(([k, v]) => Object.hasOwn(target, k) && target[k] === v);
    },
  },
  lookup: {
    args: [{ types: ['object', 'array'] }, { types: ['string', 'number'] }],
    returns: ['any'],
    note: 'returns the value corresponding to the given key/index in the given object/array',
    impl: (a) => {
      const input = a[0];
      const key = a[1];
      if (Array.isArray(input)) {
        if (typeof key !== 'number') throw invalidArgType('lookup', 2, 'Number');
        if (!Number.isInteger(key)) {
          throw genericError('lookup', 'argument #2: expected an integer number but got a non-integer number');
        }
        return key < 0 || key > input.length - 1 ? null : (input[key] ?? null);
      }
      if (isObject(input)) {
        if (typeof key !== 'string') throw invalidArgType('lookup', 2, 'String');
        return Object.hasOwn(input, key) ? input[key] : null;
      }
      throw invalidArgType('lookup', 1, 'Object or Array');
    },
  },
  items: {
    args: [{ types: ['object', 'array'] }, { types: ['string'] }, { types: ['string'] }],
    returns: ['array'],
    note: 'converts a map or array to an array of objects where each key:value is an item in the array',
    impl: (a) => {
      const [input, keyName, valName] = a;
      if (typeof keyName !== 'string') throw invalidArgType('items', 2, 'String');
      if (typeof valName !== 'string') throw invalidArgType('items', 3, 'String');
      if (Array.isArray(input)) return input.map((v, i) => ({ [keyName]: i, [valName]: v }));
      if (isObject(input)) {
        // Keys sorted so that the output is deterministic (Go sort.Strings).
        return Object.keys(input).sort().map((k) => ({ [keyName]: k, [valName]: input[k] }));
      }
      throw invalidArgType('items', 1, 'Object or Array');
    },
  },
  object_from_lists: {
    args: [{ types: ['array'] }, { types: ['array'] }],
    returns: ['object'],
    note: 'converts a pair of lists containing keys and values to an object',
    impl: (a) => {
      const [keys, values] = a;
      if (!Array.isArray(keys)) throw invalidArgType('object_from_lists', 1, 'Array');
      if (!Array.isArray(values)) throw invalidArgType('object_from_lists', 2, 'Array');
      const out: Record<string, unknown> = {};
      keys.forEach((k, i) => {
        const key = ifaceToString(k);
        if (key === undefined) throw invalidArgType('object_from_lists', 1, 'StringArray');
        out[key] = i < values.length ? values[i] : null;
      });
      return out;
    },
  },
});
