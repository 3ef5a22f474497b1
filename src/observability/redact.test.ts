import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { REDACT_CENSOR, redactLogFields } from './redact.js';

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, stream };
}

describe('redactLogFields', () => {
  it('passes a line with nothing to censor through unchanged (same object)', () => {
    const line = { uid: 'u', results: { pass: 1, fail: 0 }, blocking: ['p/r'], durationMs: 1.5 };
    expect(redactLogFields(line)).toBe(line);
  });

  it('censors the top-level paths, request.object/oldObject and data/stringData one level down', () => {
    const line = {
      object: { kind: 'Secret' },
      oldObject: { kind: 'Secret' },
      body: '{"x":1}',
      data: 'x',
      stringData: 'y',
      request: { uid: 'u', object: { a: 1 }, oldObject: { b: 2 } },
      secret: { name: 's', data: { password: 'aHVudGVyMg==' }, stringData: { token: 't' } },
      keep: { name: 'n' },
    };
    expect(redactLogFields(line)).toEqual({
      object: REDACT_CENSOR,
      oldObject: REDACT_CENSOR,
      body: REDACT_CENSOR,
      data: REDACT_CENSOR,
      stringData: REDACT_CENSOR,
      request: { uid: 'u', object: REDACT_CENSOR, oldObject: REDACT_CENSOR },
      secret: { name: 's', data: REDACT_CENSOR, stringData: REDACT_CENSOR },
      keep: { name: 'n' },
    });
  });

  it('does not censor object/oldObject one level down except under request (as the old pino paths)', () => {
    const line = { webhook: { object: 'kept' } };
    expect(redactLogFields(line)).toBe(line);
  });

  it('never mutates the caller object', () => {
    const secret = { data: { password: 'p' } };
    const line = { secret };
    redactLogFields(line);
    expect(secret.data.password).toBe('p');
    expect(line.secret).toBe(secret);
  });

  it('keeps an Error an Error with its message when it carries data', () => {
    const err = Object.assign(new Error('boom'), { data: 'private' });
    const out = redactLogFields({ err }).err as Error & { data: string };
    expect(out).toBeInstanceOf(Error);
    expect(out.message).toBe('boom');
    expect(out.data).toBe(REDACT_CENSOR);
    expect(err.data).toBe('private');
  });
});

describe('createLogger redaction', () => {
  it('censors child bindings and error data on the written line', () => {
    const { lines, stream } = capture();
    const log = createLogger({ destination: stream });
    log.child({ request: { object: { kind: 'Secret', data: { k: 'djE=' } } } }).error({ err: Object.assign(new Error('e'), { data: 'djI=' }) }, 'x');
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('djE=');
    expect(text).not.toContain('djI=');
    expect(text).toContain('"message":"e"');
  });
});
