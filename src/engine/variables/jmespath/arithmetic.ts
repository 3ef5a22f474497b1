/**
 * JMESPath arithmetic (`a + b`, `a - b`, `*`, `/`, `%`, `//`, unary `-`/`+`) with the library's checks
 * and messages (src/utils/index.ts ensureNumbers and notZero of @jmespath-community/jmespath 1.3): both
 * sides are evaluated first, then a null side is "not-a-number: undefined", another non-number
 * "not-a-number", a zero divisor of `/` and `//` "not-a-number: divide by zero" (`%` has no such check).
 */
type Op = (a: number, b: number) => number;

function ensureNumbers(...operands: unknown[]): void {
  for (const o of operands) {
    if (o === null || o === undefined) throw new Error('not-a-number: undefined');
    if (typeof o !== 'number') throw new Error('not-a-number');
  }
}

function notZero(n: number): number {
  if (!n) throw new Error('not-a-number: divide by zero');
  return n;
}

const BINARY: Record<string, Op> = {
  Plus: (a, b) => a + b,
  Minus: (a, b) => a - b,
  Multiply: (a, b) => a * b,
  Star: (a, b) => a * b,
  Divide: (a, b) => a / notZero(b),
  Modulo: (a, b) => a % b,
  Div: (a, b) => Math.floor(a / notZero(b)),
};

/** The binary operation, or undefined for an operator the library does not know (left to it). */
export function binaryOperation(operator: string): ((a: unknown, b: unknown) => number) | undefined {
  const op = Object.hasOwn(BINARY, operator) ? BINARY[operator] : undefined;
  if (!op) return undefined;
  return (a, b) => {
    ensureNumbers(a, b);
    return op(a as number, b as number);
  };
}

export function unaryOperation(operator: string): ((a: unknown) => number) | undefined {
  if (operator !== 'Plus' && operator !== 'Minus') return undefined;
  const sign = operator === 'Minus' ? -1 : 1;
  return (a) => {
    ensureNumbers(a);
    return sign === -1 ? -(a as number) : (a as number);
  };
}
