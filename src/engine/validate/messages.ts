/**
 * Kyverno's validation messages (pkg/engine/handlers/validation/validate_resource.go), kept word for
 * word because users grep for them and `kyverno test` fixtures compare them.
 */

import { kyvernoPath } from '../pattern/index.js';

export { kyvernoPath };

export function passMessage(rule: string): string {
  return `validation rule '${rule}' passed.`;
}

/** validate_resource.go: the rule message when pattern `index` of an anyPattern passed. */
export function anyPatternPassMessage(rule: string, index: number): string {
  return `validation rule '${rule}' anyPattern[${index}] passed.`;
}

export function patternFailMessage(rule: string, message: string | undefined, pointer: string): string {
  const path = kyvernoPath(pointer);
  if (!message) return `validation error: rule ${rule} failed at path ${path}`;
  const msg = message.endsWith('.') ? message : `${message}.`;
  return `validation error: ${msg} rule ${rule} failed at path ${path}`;
}

export function patternErrorMessage(rule: string, message: string | undefined, error: string): string {
  if (!message) return `validation error: rule ${rule} execution error: ${error}`;
  const msg = message.endsWith('.') ? message : `${message}.`;
  return `validation error: ${msg} rule ${rule} execution error: ${error}`;
}

export function anyPatternFailMessage(message: string | undefined, failures: string[]): string {
  const joined = failures.join(' ');
  if (!message) return `validation error: ${joined}`;
  if (message.endsWith('.')) return `validation error: ${message} ${joined}`;
  return `validation error: ${message}. ${joined}`;
}

export function denyFailMessage(rule: string, message: string | undefined): string {
  return message ? message : `validation error: rule ${rule} failed`;
}
