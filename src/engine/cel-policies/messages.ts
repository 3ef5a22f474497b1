/**
 * The message of a failed validation. Kubernetes (validator.go): messageExpression if it yields a
 * non-blank single-line string, else `message`, else "failed expression: <expression>". Kyverno's
 * ValidatingPolicy (vpol/compiler/policy.go): messageExpression errors are reported in the message,
 * and the fallback is "CEL expression validation failed at index <n>".
 */
import type { CelEvalResult } from '../cel/index.js';
import type { CelDialect, CompiledExpr, CompiledValidation } from './types.js';

/** Kubernetes truncates messageExpression results at 5 KiB (validating/validator.go). */
const MAX_MESSAGE = 5 * 1024;

export function failureMessage(
  validation: CompiledValidation,
  index: number,
  dialect: CelDialect,
  run: (expr: CompiledExpr) => CelEvalResult,
): string {
  return dialect === 'kyverno' ? kyvernoMessage(validation, index, run) : kubernetesMessage(validation, run);
}

function kubernetesMessage(validation: CompiledValidation, run: (expr: CompiledExpr) => CelEvalResult): string {
  if (validation.messageExpression) {
    const result = run(validation.messageExpression);
    if (result.ok && typeof result.value === 'string') {
      const text = result.value.trim();
      if (text !== '' && !text.includes('\n')) return text.length > MAX_MESSAGE ? text.slice(0, MAX_MESSAGE) : text;
    }
  }
  const message = (validation.message ?? '').trim();
  if (message !== '') return message;
  return `failed expression: ${validation.expr.program.expression.trim()}`;
}

function kyvernoMessage(validation: CompiledValidation, index: number, run: (expr: CompiledExpr) => CelEvalResult): string {
  let message = validation.message ?? '';
  if (validation.messageExpression) {
    const result = run(validation.messageExpression);
    if (!result.ok) message = `failed to evaluate message expression: ${result.message}`;
    else if (typeof result.value !== 'string') message = 'failed to convert message expression to string';
    else message = result.value;
  }
  return message === '' ? `CEL expression validation failed at index ${index}` : message;
}
