/**
 * Writing a line of known shape through a pino logger without pino's generic serializer. pino builds
 * every line by walking the merge object (formatters.log, serializers and stringifiers looked up per
 * key, a typeof switch per value): for the admission line that walk cost ~14 µs of a webhook request
 * (V8 profile of bench:webhook), several times what concatenating the known fields costs. pino has no
 * per-shape compiled serializer, so the caller builds the fields itself and this file supplies the rest
 * of the line exactly as pino would write it: the level (pino's level cache, so formatters.level
 * applies), the time (the logger's own timestamp function), the bindings (base fields, pid, hostname,
 * child bindings: pino's `chindings` string), the message and the line end; then writes it to pino's
 * destination stream.
 *
 * A logger configured with something this cannot reproduce (mixin, hooks, msgPrefix, nestedKey,
 * redact paths, a serializer for one of the caller's keys, a log formatter other than ours, a stream
 * that wants per-line metadata such as pino.multistream) gets no PinoLine: callers log through pino.
 */
import { pino, type Logger } from 'pino';
import { redactLogFields } from './redact.js';

const S = pino.symbols;
// Present in pino's runtime symbol table but not in its type declarations.
const msgPrefixSym = (S as unknown as Record<string, symbol>)['msgPrefixSym'];

export interface PinoLine {
  /** The line's start for `level` (`{"level":30,"time":…,"pid":…,…`), or undefined when the level is off now. */
  head(level: 'info' | 'warn'): string | undefined;
  /** The line's end with this message: `,"msg":"…"}` and the newline, as pino writes it. */
  tail(msg: string): string;
  /** Hands a finished line to the logger's destination stream. */
  write(line: string): void;
}

interface PinoInternals {
  levels: { values: Record<string, number> };
  [key: symbol]: unknown;
}

/** Why `logger` cannot take a prebuilt line, or undefined when it can. `keys`: the fields the caller writes. */
export function pinoLineObstacle(logger: Logger, keys: readonly string[]): string | undefined {
  const l = logger as unknown as PinoInternals;
  const hooks = l[S.hooksSym] as { logMethod?: unknown; streamWrite?: unknown } | undefined;
  const formatters = l[S.formattersSym] as { log?: unknown } | undefined;
  const serializers = (l[S.serializersSym] ?? {}) as Record<string, unknown>;
  const stringifiers = (l[S.stringifiersSym] ?? {}) as object;
  const stream = l[S.streamSym] as ({ write?: unknown } & Record<symbol, unknown>) | undefined;
  const messageKey = l[S.messageKeySym] as string;
  const errorKey = l[S.errorKeySym] as string;
  if (l[S.mixinSym]) return 'mixin';
  if (hooks?.logMethod || hooks?.streamWrite) return 'hooks';
  if (msgPrefixSym && typeof l[msgPrefixSym] === 'string') return 'msgPrefix';
  if (l[S.nestedKeySym]) return 'nestedKey';
  if (Reflect.ownKeys(stringifiers).length > 0) return 'redact';
  // Our redaction formatter is the identity on lines without object data (redact.test.ts), which is
  // what the caller's known scalar fields are; any other log formatter could rewrite the line.
  if (formatters?.log !== undefined && formatters.log !== redactLogFields) return 'formatters.log';
  if ([...keys, messageKey].some((k) => serializers[k] !== undefined)) return 'serializers';
  if (keys.includes(errorKey) && serializers['err'] !== undefined) return 'errorKey';
  if (!stream || typeof stream.write !== 'function' || stream[S.needsMetadataGsym] === true) return 'stream';
  return undefined;
}

/** The line writer for `logger`, or undefined when the logger must log through pino (see pinoLineObstacle). */
export function pinoLineOf(logger: Logger, keys: readonly string[]): PinoLine | undefined {
  if (pinoLineObstacle(logger, keys) !== undefined) return undefined;
  const l = logger as unknown as PinoInternals;
  const messageKey = JSON.stringify(l[S.messageKeySym] as string);
  const end = l[S.endSym] as string;
  const stream = l[S.streamSym] as { write(s: string): unknown };
  return {
    head(level) {
      if (!logger.isLevelEnabled(level)) return undefined;
      // Read per line: the level cache, the clock and the bindings may change (setBindings, custom levels).
      const num = l.levels.values[level] as number;
      const lsCache = l[S.lsCacheSym] as Record<number, string>;
      return lsCache[num]! + (l[S.timeSym] as () => string)() + (l[S.chindingsSym] as string);
    },
    tail(msg) {
      return ',' + messageKey + ':' + JSON.stringify(msg) + end;
    },
    write(line) {
      stream.write(line);
    },
  };
}
