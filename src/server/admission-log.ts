/**
 * The one log line per admission, bound to the uid, built by concatenation instead of pino's generic
 * serializer (~14 µs of a request in the V8 profile of bench:webhook; see observability/pino-line.ts for
 * why by hand). The line is byte for byte what `logger.info(fields, 'admission')` writes: pino's level,
 * time and bindings, then the record's fields in their order, then durationMs and the message.
 *
 * Only the fields named in LOGGED are written: anything else a record carries (an object, a Secret's
 * data) never reaches the line. `responses` is counted in metrics, never logged.
 */
import { pinoLineOf, type Logger } from '../observability/index.js';
import type { AnswerRecord } from './answer-types.js';

type Logged = Exclude<keyof AnswerRecord, 'responses'> | 'durationMs';

/** Each logged field with how pino writes its key (`,"uid":`); a new AnswerRecord field fails to compile here until it is decided. */
const LOGGED = {
  uid: true,
  webhook: true,
  decision: true,
  operation: true,
  kind: true,
  namespace: true,
  name: true,
  dryRun: true,
  policies: true,
  generation: true,
  results: true,
  blocking: true,
  warnings: true,
  patchOps: true,
  timedOut: true,
  error: true,
  hookError: true,
  durationMs: true,
} as const satisfies Record<Logged, true>;

const KEYS = new Map<string, string>(Object.keys(LOGGED).map((k) => [k, `,${JSON.stringify(k)}:`]));

export interface AdmissionLog {
  /** Logs the admission (warn for an error decision or a hook error, else info). */
  write(record: AnswerRecord, durationMs: number): void;
}

// Characters JSON.stringify escapes (controls, quote, backslash) or rewrites (lone surrogates; any
// surrogate takes the slow path). On Node 20, JSON.stringify of a 36-character uid costs ~250 ns and
// this test plus two concatenations ~75 ns; most values (uid, kind, names) need no escape.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** A string as JSON.stringify writes it. */
function quote(s: string): string {
  return s.length > 100 || NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/** A JSON value as pino writes it (pino: JSON.stringify for objects, null for non-finite numbers); undefined = left out. */
function jsonOf(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
      return Number.isFinite(v) ? '' + v : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      return v === null ? 'null' : isCounts(v) ? countsOf(v) : JSON.stringify(v);
    default:
      return undefined;
  }
}

function isCounts(v: object): v is Record<string, number> {
  if (Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const k in v) if (typeof (v as Record<string, unknown>)[k] !== 'number') return false;
  return true;
}

/** `,"pass":` for each count key seen (a handful: the result statuses), so a key is quoted once. */
const countKeys = new Map<string, string>();
const COUNT_KEYS_LIMIT = 64;

function countKey(k: string): string {
  let piece = countKeys.get(k);
  if (piece === undefined) {
    piece = ',' + quote(k) + ':';
    if (countKeys.size < COUNT_KEYS_LIMIT) countKeys.set(k, piece);
  }
  return piece;
}

/** `{"pass":9,…}`: the results counts, as JSON.stringify writes a plain object of numbers. */
function countsOf(v: Record<string, number>): string {
  let out = '';
  for (const k in v) {
    const n = v[k]!;
    out += countKey(k) + (Number.isFinite(n) ? '' + n : 'null');
  }
  return out === '' ? '{}' : '{' + out.slice(1) + '}';
}

/**
 * Per key, the last string value written and its `,"key":"value"` piece: most fields repeat from one
 * admission to the next (webhook, decision, operation, kind, namespace), and a repeat then costs one
 * comparison instead of an escape test and two concatenations.
 */
const lastPiece = new Map<string, { value: string; piece: string }>();

function pieceOf(key: string, prefix: string, value: string): string {
  const last = lastPiece.get(key);
  if (last !== undefined && last.value === value) return last.piece;
  const piece = prefix + quote(value);
  if (last !== undefined) {
    last.value = value;
    last.piece = piece;
  } else lastPiece.set(key, { value, piece });
  return piece;
}

/** The record's logged fields in their own order, each `,"key":value`. */
function fieldsOf(record: AnswerRecord): string {
  let out = '';
  for (const key in record) {
    const prefix = KEYS.get(key);
    if (prefix === undefined || key === 'durationMs') continue;
    const v = record[key as keyof AnswerRecord];
    if (typeof v === 'string') {
      out += pieceOf(key, prefix, v);
      continue;
    }
    const value = jsonOf(v);
    if (value !== undefined) out += prefix + value;
  }
  return out;
}

/** Warn for an error decision or a hook error (someone should look), info otherwise. */
function levelOf(record: AnswerRecord): 'info' | 'warn' {
  return record.decision === 'error' || record.hookError ? 'warn' : 'info';
}

function messageOf(record: AnswerRecord): string {
  return record.decision === 'error' ? 'admission error' : 'admission';
}

export function createAdmissionLog(logger: Logger): AdmissionLog {
  const line = pinoLineOf(logger, Object.keys(LOGGED));
  if (!line) {
    // A logger the prebuilt line cannot reproduce: the same fields through pino's own serializer.
    return {
      write(record, durationMs) {
        const fields: Record<string, unknown> = {};
        for (const key in record) if (KEYS.has(key)) fields[key] = record[key as keyof AnswerRecord];
        fields['durationMs'] = durationMs;
        logger[levelOf(record)](fields, messageOf(record));
      },
    };
  }
  const durationKey = KEYS.get('durationMs')!;
  const tail = line.tail('admission');
  const errorTail = line.tail('admission error');
  return {
    write(record, durationMs) {
      const head = line.head(levelOf(record));
      if (head === undefined) return;
      line.write(head + fieldsOf(record) + durationKey + jsonOf(durationMs)! + (record.decision === 'error' ? errorTail : tail));
    },
  };
}
