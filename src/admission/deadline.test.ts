import { describe, expect, it } from 'vitest';
import { MAX_WARNING_CHARS } from './warnings.js';
import { API_SERVER_WEBHOOK_TIMEOUT_MS, DEFAULT_EVAL_TIMEOUT_MS, timeoutVerdict } from './deadline.js';

describe('timeoutVerdict', () => {
  it('denies when any policy has failurePolicy Fail, naming those policies and the budget', () => {
    const v = timeoutVerdict(8000, [
      { name: 'a', failurePolicy: 'Ignore' },
      { name: 'b', failurePolicy: 'Fail' },
    ]);
    expect(v.allowed).toBe(false);
    expect(v.message).toContain('8000 ms');
    expect(v.message).toContain('failurePolicy is Fail for: b');
    expect(v.message).not.toContain('a,');
  });

  it('allows with one short warning when every policy is Ignore', () => {
    const v = timeoutVerdict(8000, [{ name: 'a', failurePolicy: 'Ignore' }]);
    expect(v).toMatchObject({ allowed: true });
    expect(v.warnings).toHaveLength(1);
    expect(v.warnings[0]?.length).toBeLessThanOrEqual(MAX_WARNING_CHARS);
    expect(v.warnings[0]).toMatch(/8000 ms budget .*failurePolicy Ignore$/);
  });

  it('names at most five policies', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ name: `p${i}`, failurePolicy: 'Fail' as const }));
    expect(timeoutVerdict(1, many).message).toMatch(/p4 and 3 more$/);
  });

  it('keeps the default budget below the API server default timeout', () => {
    expect(DEFAULT_EVAL_TIMEOUT_MS).toBeLessThan(API_SERVER_WEBHOOK_TIMEOUT_MS);
  });
});
