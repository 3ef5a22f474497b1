import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger, pinoLineOf, type Logger, type LogLevel } from '../observability/index.js';
import { createAdmissionLog } from './admission-log.js';
import type { AnswerRecord } from './answer-types.js';

function sink(): { chunks: string[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { chunks, stream };
}

/** What the route wrote before: the record through pino's own serializer (responses left out, durationMs last). */
function viaPino(log: Logger, record: AnswerRecord, durationMs: number): void {
  const line = Object.assign({}, record, { responses: undefined, durationMs });
  if (record.decision === 'error') log.warn(line, 'admission error');
  else if (record.hookError) log.warn(line, 'admission');
  else log.info(line, 'admission');
}

/** The raw lines with the clock normalised (each must be one JSON object ending in a newline). */
function normalised(chunks: string[]): string[] {
  return chunks.map((c) => {
    expect(c.endsWith('}\n')).toBe(true);
    expect(JSON.parse(c)).toBeTypeOf('object');
    return c.replace(/,"time":\d+,/, ',"time":0,');
  });
}

function both(records: AnswerRecord[], make: (stream: Writable) => Logger): { ours: string[]; theirs: string[] } {
  const a = sink();
  const b = sink();
  const ours = createAdmissionLog(make(a.stream));
  const reference = make(b.stream);
  records.forEach((r, i) => {
    ours.write(r, 1.5 + i);
    viaPino(reference, r, 1.5 + i);
  });
  return { ours: normalised(a.chunks), theirs: normalised(b.chunks) };
}

const base: AnswerRecord = { uid: '4b3c1f0e-9d7a-4c55-8a0b-2f6f7c1e9a10', webhook: 'validate', decision: 'allowed', operation: 'CREATE', kind: 'apps/v1/Deployment' };
const records: AnswerRecord[] = [
  { uid: '', webhook: 'validate', decision: 'error', error: 'GR_ADMISSION_MALFORMED_BODY' },
  { ...base, namespace: 'shop', name: 'web', dryRun: false, policies: 12, generation: 3, results: { pass: 9, fail: 0, warn: 1, error: 0, skip: 2 }, warnings: 1 },
  { ...base, decision: 'denied', name: 'web', dryRun: true, policies: 1, generation: 1, results: { fail: 1, pass: 0, warn: 0, error: 0, skip: 0 }, warnings: 0, responses: [], blocking: ['require-labels/check-team', 'p/r'] },
  { ...base, webhook: 'mutate', name: 'w', policies: 2, generation: 7, patchOps: 0 },
  { ...base, name: 'w', policies: 2, generation: 7, decision: 'denied', timedOut: true, warnings: 0 },
  { ...base, name: 'w', results: { pass: 1, fail: 0, warn: 0, error: 0, skip: 0 }, hookError: 'report queue "full"\n' },
  { ...base, decision: 'error', error: 'GR_ADMISSION_INTERNAL' },
  { ...base, namespace: 'ns\\"x', name: 'quote"back\\slash\nnew\tline\u0001 é 😀 </script> \u2028 end', kind: 'example.com/v1/Ünïcode' },
  { ...base, name: 'x'.repeat(300) + '"' },
];

describe('createAdmissionLog', () => {
  it('takes the prebuilt path for the loggers guardrail makes (root and child)', () => {
    const keys = ['uid'];
    expect(pinoLineOf(createLogger({ destination: sink().stream }), keys)).toBeDefined();
    expect(pinoLineOf(createLogger({ destination: sink().stream }).child({ component: 'x' }), keys)).toBeDefined();
    expect(pinoLineOf(pino({ mixin: () => ({ a: 1 }) }, sink().stream), keys)).toBeUndefined();
    expect(pinoLineOf(pino({ redact: ['uid'] }, sink().stream), keys)).toBeUndefined();
    expect(pinoLineOf(pino({ serializers: { uid: () => 'x' } }, sink().stream), keys)).toBeUndefined();
  });

  it('writes the same bytes as pino (time aside), key order included, for every record shape', () => {
    const { ours, theirs } = both(records, (stream) => createLogger({ destination: stream }));
    expect(ours).toHaveLength(records.length);
    expect(ours).toEqual(theirs);
  });

  it('escapes a lone surrogate as JSON.stringify does (pino writes it raw, which UTF-8 turns into U+FFFD)', () => {
    const { chunks, stream } = sink();
    createAdmissionLog(createLogger({ destination: stream })).write({ ...base, name: 'a\ud800b' }, 1);
    expect(chunks[0]).toContain('"name":"a\\ud800b"');
  });

  it('includes child bindings, pid and hostname when the logger has them', () => {
    const { ours, theirs } = both(records, (stream) => pino({ formatters: {} }, stream).child({ component: 'webhook', shard: 2 }));
    expect(ours).toEqual(theirs);
    const first = JSON.parse(ours[1]!) as Record<string, unknown>;
    expect(Object.keys(first).slice(0, 6)).toEqual(['level', 'time', 'pid', 'hostname', 'component', 'shard']);
  });

  it('follows the level: warn drops info lines, silent drops all, a level change applies at once', () => {
    for (const [level, count] of [
      ['info', 9],
      ['warn', 3],
      ['error', 0],
      ['silent', 0],
    ] as Array<[LogLevel, number]>) {
      const { ours, theirs } = both(records, (stream) => createLogger({ level, destination: stream }));
      expect(ours).toEqual(theirs);
      expect(ours).toHaveLength(count);
    }
    const { chunks, stream } = sink();
    const logger = createLogger({ level: 'warn', destination: stream });
    const log = createAdmissionLog(logger);
    log.write(base, 1);
    logger.level = 'info';
    log.write(base, 1);
    expect(chunks).toHaveLength(1);
  });

  it('writes warn lines for errors and hook errors', () => {
    const { ours } = both(records, (stream) => createLogger({ destination: stream }));
    const levels = ours.map((l) => (JSON.parse(l) as { level: number }).level);
    expect(levels).toEqual([40, 30, 30, 30, 30, 40, 40, 30, 30]);
  });

  it('never writes a field it does not know (object data stays off the line)', () => {
    const { chunks, stream } = sink();
    const record = { ...base, object: { kind: 'Secret', data: { password: 'aHVudGVyMg==' } }, token: 's3cret' } as AnswerRecord;
    createAdmissionLog(createLogger({ destination: stream })).write(record, 2);
    expect(chunks[0]).not.toMatch(/aHVudGVyMg==|Secret|s3cret|"object"|"token"/);
    expect(JSON.parse(chunks[0]!)).toMatchObject({ uid: base.uid, durationMs: 2, msg: 'admission' });
  });

  it('logs the known fields through pino when the logger cannot take a prebuilt line', () => {
    const { chunks, stream } = sink();
    const record = { ...base, object: { data: 'x' } } as AnswerRecord;
    createAdmissionLog(pino({ mixin: () => ({ extra: 1 }) }, stream)).write(record, 2);
    const line = JSON.parse(chunks[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ uid: base.uid, kind: base.kind, durationMs: 2, extra: 1, msg: 'admission' });
    expect(line).not.toHaveProperty('object');
  });
});
