/**
 * Errors of the variables module. They carry a stable code and a path (JSON Pointer into the document
 * being substituted, '' when not known) so callers turn them into rule results without matching text.
 */
export type VariableErrorCode = 'JMESPATH_PARSE' | 'VARIABLE_NOT_FOUND' | 'JMESPATH_EVAL';

export class VariableError extends Error {
  readonly code: VariableErrorCode;
  readonly path: string;
  /** Character offset in the expression, for parse errors when known. */
  readonly offset: number | undefined;

  constructor(code: VariableErrorCode, message: string, path = '', offset?: number) {
    super(message);
    this.name = 'VariableError';
    this.code = code;
    this.path = path;
    this.offset = offset;
  }
}

/**
 * Raised by the evaluator when a field is missing from an object on the path of the expression; Kyverno's
 * interpreter reports it as `Unknown key "<key>" in path` (pkg/engine/jmespath/errors.go NotFoundError).
 */
export class KeyNotFoundError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(`Unknown key "${key}" in path`);
    this.name = 'KeyNotFoundError';
    this.key = key;
  }
}

/**
 * An error raised by a custom function; the message follows Kyverno's `JMESPath function '<name>': ...`
 * wording (pkg/engine/jmespath/error.go).
 */
export class FunctionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FunctionError';
  }
}
