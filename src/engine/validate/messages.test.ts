/**
 * Kyverno's validation messages word for word (pkg/engine/handlers/validation): `kyverno test` fixtures
 * and users' log searches depend on them.
 */
import { describe, expect, it } from 'vitest';
import { anyPatternFailMessage, denyFailMessage, kyvernoPath, passMessage, patternErrorMessage, patternFailMessage } from './messages.js';

describe('validation messages', () => {
  it('pass', () => {
    expect(passMessage('r')).toBe("validation rule 'r' passed.");
  });

  it('pattern failure: message gets a full stop once; the path is the pointer with a trailing slash', () => {
    expect(patternFailMessage('r', 'Bad', '/spec/containers/0/image')).toBe('validation error: Bad. rule r failed at path /spec/containers/0/image/');
    expect(patternFailMessage('r', 'Bad.', '/a')).toBe('validation error: Bad. rule r failed at path /a/');
    expect(patternFailMessage('r', undefined, '/a')).toBe('validation error: rule r failed at path /a/');
    expect(patternFailMessage('r', '', '')).toBe('validation error: rule r failed at path /');
  });

  it('pattern error', () => {
    expect(patternErrorMessage('r', 'Bad', 'boom')).toBe('validation error: Bad. rule r execution error: boom');
    expect(patternErrorMessage('r', undefined, 'boom')).toBe('validation error: rule r execution error: boom');
  });

  it('anyPattern failure joins every pattern failure with spaces', () => {
    const failures = ['rule r[0] failed at path /a/', 'rule r[1] failed at path /b/'];
    expect(anyPatternFailMessage('Need one', failures)).toBe('validation error: Need one. rule r[0] failed at path /a/ rule r[1] failed at path /b/');
    expect(anyPatternFailMessage('Need one.', failures)).toBe('validation error: Need one. rule r[0] failed at path /a/ rule r[1] failed at path /b/');
    expect(anyPatternFailMessage(undefined, failures)).toBe('validation error: rule r[0] failed at path /a/ rule r[1] failed at path /b/');
  });

  it('deny: the message as written, else a generic one naming the rule', () => {
    expect(denyFailMessage('r', 'Not allowed')).toBe('Not allowed');
    expect(denyFailMessage('r', undefined)).toBe('validation error: rule r failed');
  });

  it('kyvernoPath unescapes JSON pointer tokens (~1 is /, ~0 is ~)', () => {
    expect(kyvernoPath('/metadata/annotations/a~1b~0c')).toBe('/metadata/annotations/a/b~c/');
  });
});
