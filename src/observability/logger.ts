/**
 * The pino logger factory. JSON lines on stdout by default. We never log whole objects (admission lines
 * carry counts, the decision and the uid); the redaction below is a second line of defence so that a
 * Secret's data cannot reach a log line even if an object is passed by mistake.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const REDACT_PATHS = [
  'object',
  'oldObject',
  'request.object',
  'request.oldObject',
  'body',
  '*.data',
  '*.stringData',
  'data',
  'stringData',
];

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; stdout by default (tests pass a stream). */
  destination?: DestinationStream;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const options = {
    level: opts.level ?? 'info',
    base: { service: 'guardrail' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}
