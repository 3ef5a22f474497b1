import { describe, expect, it } from 'vitest';
import { formatWarning, MAX_WARNING_CHARS, truncateWarning } from './warnings.js';

describe('truncateWarning', () => {
  it('keeps short warnings as they are', () => {
    expect(truncateWarning('short')).toBe('short');
  });

  it('cuts long warnings to 120 characters ending in an ellipsis', () => {
    const out = truncateWarning('x'.repeat(500));
    expect(out).toHaveLength(MAX_WARNING_CHARS);
    expect(out.endsWith('...')).toBe(true);
  });

  it('keeps a warning of exactly 120 characters whole', () => {
    expect(truncateWarning('y'.repeat(120))).toBe('y'.repeat(120));
  });

  it('counts code points, never splitting a surrogate pair', () => {
    const out = truncateWarning('😀'.repeat(200));
    expect(Array.from(out)).toHaveLength(MAX_WARNING_CHARS);
    expect(out.slice(0, -3)).toBe('😀'.repeat(117));
  });

  it('folds newlines into spaces', () => {
    expect(truncateWarning('a\n  b')).toBe('a b');
  });
});

describe('formatWarning', () => {
  it("uses Kyverno's `policy <policy>.<rule>: <message>` form", () => {
    expect(formatWarning('p', 'r', 'bad')).toBe('policy p.r: bad');
  });
});
