import { describe, expect, it } from 'vitest';
import { parseDuration, parseQuantity, wildcardMatch } from './index.js';

describe('wildcardMatch', () => {
  it('matches * and ? like go-wildcard', () => {
    expect(wildcardMatch('nginx:*', 'nginx:1.25')).toBe(true);
    expect(wildcardMatch('*:latest', 'nginx:1.25')).toBe(false);
    expect(wildcardMatch('a?c', 'abc')).toBe(true);
    expect(wildcardMatch('a?c', 'ac')).toBe(false);
    expect(wildcardMatch('a.c', 'abc')).toBe(false);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('kube-*', 'kube-system')).toBe(true);
  });
});

describe('parseQuantity', () => {
  it('parses binary and decimal suffixes and exponents', () => {
    expect(parseQuantity('1Gi')).toBe(2 ** 30);
    expect(parseQuantity('500Mi')).toBe(500 * 2 ** 20);
    expect(parseQuantity('100m')).toBeCloseTo(0.1);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('1.5k')).toBe(1500);
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseQuantity('1Gb')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
  });
});

describe('parseDuration', () => {
  it('parses Go durations', () => {
    expect(parseDuration('1h30m')).toBe(5400e9);
    expect(parseDuration('300ms')).toBe(300e6);
    expect(parseDuration('-1.5h')).toBe(-5400e9);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('10')).toBeUndefined();
    expect(parseDuration('1d')).toBeUndefined();
  });
});
