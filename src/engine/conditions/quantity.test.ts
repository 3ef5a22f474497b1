import { describe, expect, it } from 'vitest';
import { compareQuantities, parseExactQuantity } from './quantity.js';

describe('exact quantities', () => {
  it('orders binary and decimal suffixes exactly', () => {
    expect(compareQuantities('1Gi', '1000Mi')).toBe(1);
    expect(compareQuantities('1G', '1Gi')).toBe(-1);
    expect(compareQuantities('100m', '0.1')).toBe(0);
    expect(compareQuantities('-1', '1m')).toBe(-1);
    expect(compareQuantities('1.5e3', '1500')).toBe(0);
    expect(compareQuantities('1n', '0.000000001')).toBe(0);
  });
  it('rejects what resource.ParseQuantity rejects', () => {
    expect(parseExactQuantity('')).toBeUndefined();
    expect(parseExactQuantity('1Gb')).toBeUndefined();
    expect(parseExactQuantity('1K')).toBeUndefined();
    expect(parseExactQuantity(' 1')).toBeUndefined();
    expect(parseExactQuantity('abc')).toBeUndefined();
    expect(compareQuantities('1Gi', 'x')).toBeUndefined();
  });
});
