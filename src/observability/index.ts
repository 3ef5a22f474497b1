/** Observability: the logger factory and every metric name, in one place. */
export { createBackupMetrics, type AppCompliance, type BackupMetrics } from './backup-metrics.js';
export { createLogger, isLogLevel, LOG_LEVELS, type Logger, type LoggerOptions, type LogLevel } from './logger.js';
export {
  createMetrics,
  METRIC_NAMES,
  METRIC_PREFIX,
  type Metrics,
  type MetricsOptions,
  type Webhook,
  type AdmissionOutcome,
} from './metrics.js';
export { pinoLineObstacle, pinoLineOf, type PinoLine } from './pino-line.js';
