/** Test helpers: evaluate an expression with a fixed clock. */
import { searchJmesPath } from '../jmespath/compile.js';
import type { FunctionEnv } from './types.js';

export const FIXED_NOW = new Date('2024-03-05T10:20:30Z');
export const testEnv: FunctionEnv = { now: () => FIXED_NOW };

export function jp(expression: string, data: unknown = {}): unknown {
  return searchJmesPath(expression, data, testEnv);
}

/** The message of the error thrown by `jp`, or undefined when it succeeds. */
export function jpError(expression: string, data: unknown = {}): string | undefined {
  try {
    jp(expression, data);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
