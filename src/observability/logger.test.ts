import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

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

describe('createLogger', () => {
  it('writes JSON lines at the chosen level', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'warn', destination: stream });
    log.info('hidden');
    log.warn({ uid: 'u' }, 'shown');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'shown', uid: 'u', service: 'guardrail' });
  });

  it('redacts object data and Secret data even when passed by mistake', () => {
    const { lines, stream } = capture();
    const log = createLogger({ destination: stream });
    log.info({ object: { kind: 'Secret' }, secret: { data: { password: 'aHVudGVyMg==' } } }, 'oops');
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('aHVudGVyMg==');
    expect(text).not.toContain('Secret');
  });
});
