import { describe, expect, it } from 'vitest';
import { jp, jpError } from './test-helpers.js';

// Typed rules from arithmetic.go; expected values from Kyverno's arithmetic_test.go and the docs.
describe('add / subtract / sum', () => {
  it('adds numbers, quantities and durations of the same kind', () => {
    expect(jp('add(`12`, `13`)')).toBe(25);
    expect(jp("add('12Ki', '13Ki')")).toBe('25Ki');
    expect(jp("add('12Ki', '13')")).toBe('12301');
    expect(jp("add('12s', '13s')")).toBe('25s');
    expect(jp("add('1Gi', '512Mi')")).toBe('1536Mi');
    expect(jp("add('100m', '1')")).toBe('1100m');
  });
  it('rejects mixed kinds with "Types mismatch"', () => {
    expect(jpError("add(`12`, '13Ki')")).toBe("JMESPath function 'add': Types mismatch");
    expect(jpError("add('12Ki', '13s')")).toBe("JMESPath function 'add': Types mismatch");
    expect(jpError("add('12s', `13`)")).toBe("JMESPath function 'add': Types mismatch");
    expect(jpError("add('abc', `1`)")).toBe("JMESPath function 'add': invalid operands");
  });
  it('subtracts', () => {
    expect(jp('subtract(`12`, `13`)')).toBe(-1);
    expect(jp("subtract('12Ki', '13Ki')")).toBe('-1Ki');
    expect(jp("subtract('12Ki', '13')")).toBe('12275');
    expect(jp("subtract('12s', '13s')")).toBe('-1s');
    expect(jpError("subtract('12s', '13')")).toBe("JMESPath function 'subtract': Types mismatch");
  });
  it('sums arrays of one kind', () => {
    expect(jp('sum([`12`, `13`, `1`, `4`])')).toBe(30);
    expect(jp("sum(['12Ki', '13Ki', '1Ki', '4Ki'])")).toBe('30Ki');
    expect(jp("sum(['12s', '13s', '1s', '4s'])")).toBe('30s');
    expect(jpError('sum(`[]`)')).toBe("JMESPath function 'sum': at least one element in the array is required");
    expect(jpError("sum(['12s', `13`])")).toBe("JMESPath function 'sum': Types mismatch");
  });
});

describe('multiply / divide / modulo / round', () => {
  it('multiplies by scalars only', () => {
    expect(jp("multiply('12Ki', `2`)")).toBe('24Ki');
    expect(jp("multiply('12s', `2`)")).toBe('24s');
    expect(jp('multiply(`2.5`, `2.5`)')).toBe(6.25);
    expect(jp("multiply(`2.5`, '12Ki')")).toBe('30Ki');
    expect(jp("multiply(`2.5`, '12')")).toBe('30');
    expect(jp("multiply(`2.5`, '40s')")).toBe('1m40s');
    expect(jpError("multiply('12Ki', '12Ki')")).toBe("JMESPath function 'multiply': Types mismatch");
  });
  it('divides with unit cancellation', () => {
    expect(jp("divide('256M', '256M')")).toBe(1);
    expect(jp("divide('128M', '256M')")).toBe(0.5);
    expect(jp("divide('12Ki', '200')")).toBe(61.44);
    expect(jp("divide('12Ki', `3`)")).toBe('4Ki');
    expect(jp("divide('12s', `3`)")).toBe('4s');
    expect(jp("divide('12s', '5s')")).toBe(2.4);
    expect(jp('divide(`14`, `3`)')).toBe(4.666666666666667);
    expect(jpError("divide('12Ki', '2s')")).toBe("JMESPath function 'divide': Types mismatch");
  });
  it('rejects zero divisors', () => {
    for (const e of ['divide(`14`, `0`)', "divide('4Ki', `0`)", "divide('4Ki', '0Ki')", "divide('4s', '0s')"]) {
      expect(jpError(e)).toBe("JMESPath function 'divide': Zero divisor passed");
    }
    expect(jpError('modulo(`14`, `0`)')).toBe("JMESPath function 'modulo': Zero divisor passed");
  });
  it('modulo of integers of one kind', () => {
    expect(jp('modulo(`13`, `5`)')).toBe(3);
    expect(jp("modulo('12Ki', '5Ki')")).toBe('2Ki');
    expect(jp("modulo('13s', '2s')")).toBe('1s');
    expect(jpError('modulo(`14`, `1.5`)')).toBe("JMESPath function 'modulo': Non-integer argument(s) passed for modulo");
    expect(jpError("modulo('4.5', '1')")).toBe("JMESPath function 'modulo': Non-integer argument(s) passed for modulo");
    expect(jpError("modulo('13s', `2`)")).toBe("JMESPath function 'modulo': Types mismatch");
  });
  it('round to decimal places, half away from zero', () => {
    expect(jp('round(`3.14159`, `2`)')).toBe(3.14);
    expect(jp('round(`-2.5`, `0`)')).toBe(-3);
    expect(jpError('round(`1.5`, `1.5`)')).toBe("JMESPath function 'round': Non-integer argument(s) passed for round off");
  });
});
