import { TreeInterpreter, TYPE_ARRAY_STRING, type InputSignature } from '@jmespath-community/jmespath';
import { describe, expect, it } from 'vitest';
import { kyvernoFunctions } from '../functions/registry.js';
import { acceptsOf, functionCaller, functionSignatures } from './runtime.js';

const library = TreeInterpreter.runtime as unknown as { validateTypes(name: string, args: unknown[], s: InputSignature[]): void };

const samples: unknown[] = [
  undefined, null, true, 0, -1.5, '', 'ALL', [], ['a', 'b'], [1, 2], [{ a: 1 }], [[1]], ['a', 1], [undefined, 'a'], [null],
  {}, { a: 1 }, { expref: true, type: 'Field', name: 'a' }, [{ expref: true }], () => 1,
];

describe('the plain argument check of function callers', () => {
  it('accepts only what the library’s validateTypes accepts, for every function signature and argument kind', () => {
    let accepted = 0;
    let rejected = 0;
    const signatures = functionSignatures();
    // The library's functions and Kyverno's (array[string] arguments among them).
    expect(signatures.size).toBeGreaterThan(80);
    expect([...signatures.values()].flat().some((s) => s.types.includes(TYPE_ARRAY_STRING))).toBe(true);
    for (const [name, signature] of signatures) {
      const accepts = acceptsOf(signature);
      for (const a of samples) {
        for (const b of [undefined, 'x', 3, [1]]) {
          const args = signature.length > 1 ? [a, b] : [a];
          let libraryAccepts = true;
          try {
            library.validateTypes(name, args, signature);
          } catch {
            libraryAccepts = false;
          }
          if (accepts(args)) {
            expect(libraryAccepts, `${name}(${JSON.stringify(args)})`).toBe(true);
            accepted++;
          } else rejected++;
        }
      }
    }
    // Both answers occur: the plain check does the work on the common path and hands over the rest.
    expect(accepted).toBeGreaterThan(500);
    expect(rejected).toBeGreaterThan(500);
  });

  it('calls give the library’s values and errors', () => {
    expect(kyvernoFunctions['to_upper']).toBeDefined();
    const upper = functionCaller('to_upper', 1);
    expect(upper(['abc'])).toBe('ABC');
    expect(() => upper([1])).toThrow('Invalid type: to_upper() expected argument 1 to be type (string) but received type number instead.');
    const length = functionCaller('length', 1);
    expect(length([[1, 2]])).toBe(2);
    expect(() => length([true])).toThrow(/expected argument 1 to be type \(string \| array \| object\)/);
  });
});
