import type { RuleStatus } from '../result.js';

/** What one validation step decided; the engine turns it into a RuleResult. */
export interface Outcome {
  status: RuleStatus;
  message: string;
  /** JSON pointer of the failing field, when known. */
  path?: string;
  /** Machine-readable cause for skip and error, e.g. PRECONDITIONS_NOT_MET. */
  reason?: string;
}

export const outcome = {
  pass: (message: string): Outcome => ({ status: 'pass', message }),
  fail: (message: string, path?: string): Outcome => (path === undefined ? { status: 'fail', message } : { status: 'fail', message, path }),
  skip: (message: string, reason: string): Outcome => ({ status: 'skip', message, reason }),
  error: (message: string, reason: string): Outcome => ({ status: 'error', message, reason }),
};
