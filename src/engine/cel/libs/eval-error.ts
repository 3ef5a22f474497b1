import { EvaluationError } from '@marcbachmann/cel-js';

/** Runtime errors from our functions, shaped like the library's (code + message). */
export function evalError(code: string, message: string): Error {
  return new EvaluationError({ code, message });
}
