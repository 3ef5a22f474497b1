/** Arithmetic functions over numbers, Kubernetes quantities and Go durations (Kyverno arithmetic.go). */
import { addOrSubtract, divide, modulo, multiply } from './arithmetic-ops.js';
import { isIntegral, parseOperands } from './operands.js';
import { defineFunctions, genericError, num } from './types.js';

const ANY2 = [{ types: ['any'] }, { types: ['any'] }] as const;

/** math.Round: half away from zero. */
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

export const arithmeticFunctions = defineFunctions({
  add: {
    args: ANY2,
    returns: ['any'],
    note: 'does arithmetic addition of two specified values of numbers, quantities, and durations',
    impl: (a) => addOrSubtract(...parseOperands(a, 'add'), 'add', 1n),
  },
  sum: {
    args: [{ types: ['array'] }],
    returns: ['any'],
    note: 'does arithmetic addition of specified array of values of numbers, quantities, and durations',
    impl: (a) => {
      const items = a[0];
      if (!Array.isArray(items)) throw genericError('sum', 'Types mismatch');
      if (items.length === 0) throw genericError('sum', 'at least one element in the array is required');
      let result: unknown = items[0];
      for (const item of items.slice(1)) result = addOrSubtract(...parseOperands([result, item], 'sum'), 'sum', 1n);
      return result;
    },
  },
  subtract: {
    args: ANY2,
    returns: ['any'],
    note: 'does arithmetic subtraction of two specified values of numbers, quantities, and durations',
    impl: (a) => addOrSubtract(...parseOperands(a, 'subtract'), 'subtract', -1n),
  },
  multiply: {
    args: ANY2,
    returns: ['any'],
    note: 'does arithmetic multiplication of two specified values of numbers, quantities, and durations',
    impl: (a) => multiply(...parseOperands(a, 'multiply')),
  },
  divide: {
    args: ANY2,
    returns: ['any'],
    note: 'divisor must be non zero',
    impl: (a) => divide(...parseOperands(a, 'divide')),
  },
  modulo: {
    args: ANY2,
    returns: ['any'],
    note: 'divisor must be non-zero, arguments must be integers',
    impl: (a) => modulo(...parseOperands(a, 'modulo')),
  },
  round: {
    args: [{ types: ['number'] }, { types: ['number'] }],
    returns: ['number'],
    note: 'does roundoff to upto the given decimal places',
    impl: (a) => {
      const value = num('round', a, 0);
      const places = num('round', a, 1);
      if (!isIntegral(places)) throw genericError('round', 'Non-integer argument(s) passed for round off');
      // Kyverno formats argOutOfBoundsError without its values, so Go prints %!d(MISSING) (functions.go).
      if (places < 0) throw genericError('round', '%!d(MISSING) argument is out of bounds (%!d(MISSING))');
      const shift = 10 ** places;
      return roundHalfAway(value * shift) / shift;
    },
  },
});
