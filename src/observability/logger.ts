/**
 * The pino logger factory. JSON lines on stdout by default. We never log whole objects (admission lines
 * carry counts, the decision and the uid); the redaction below is a second line of defence so that a
 * Secret's data cannot reach a log line even if an object is passed by mistake.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { createLineBatch } from './line-batch.js';
import { redactLogFields } from './redact.js';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; stdout by default (tests pass a stream). */
  destination?: DestinationStream;
}

/** Characters of log lines gathered per write to stdout. */
const STDOUT_BATCH = 16 * 1024;
/** SonicBoom's largest single write must exceed its minLength. */
const STDOUT_MAX_WRITE = 64 * 1024;

export function createLogger(opts: LoggerOptions = {}): Logger {
  const options = {
    level: opts.level ?? 'info',
    base: { service: 'guardrail' },
    // Object and Secret data never reach a line: see redact.ts (cheaper than pino's `redact` option).
    formatters: { log: redactLogFields },
  };
  // stdout asynchronously and in batches: a synchronous write per line (one line per admission) was ~15%
  // of a webhook request's main-thread time (bench:webhook), and an asynchronous write per line still
  // ~4%. Lines are written when 16 KiB are pending or 100 ms have passed (a write to stdout costs ~40 µs
  // on the bench machine: every 4 KiB, about 15 admission lines, that was ~3 µs per admission), and pino
  // flushes what is pending on exit, so a crash or a SIGTERM still writes every line. The lines are
  // gathered in front of SonicBoom (line-batch.ts), whose own buffering measured the whole pending text
  // on every line.
  const logger = pino(options, opts.destination ?? createLineBatch(pino.destination({ dest: 1, sync: false, minLength: STDOUT_BATCH, maxWrite: STDOUT_MAX_WRITE, periodicFlush: 100 }), { minLength: STDOUT_BATCH }));
  // pino's bindings formatter runs for the root only; children (which inherit this method) go through it here.
  const child = logger.child;
  logger.child = function (this: Logger, bindings: Record<string, unknown>, childOptions?: object) {
    return child.call(this, redactLogFields(bindings), childOptions);
  } as Logger['child'];
  return logger;
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}
