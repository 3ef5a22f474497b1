/**
 * The boundary's bookkeeping for one admission: one log line bound to the uid (counts, decision,
 * duration; never object data) and the metrics. Rule results are counted by policy and rule, never by
 * resource.
 */
import type { Logger, Metrics } from '../observability/index.js';
import type { AnswerRecord } from './answer.js';

export function recordAnswer(record: AnswerRecord, seconds: number, log: Logger, metrics: Metrics): void {
  const responses = record.responses;
  const operation = record.operation ?? '';
  metrics.admissionRequests.inc({ webhook: record.webhook, operation, kind: record.kind ?? '', decision: record.decision });
  metrics.admissionReviewDuration.observe({ webhook: record.webhook, operation, decision: record.decision }, seconds);
  if (responses) {
    const tally = metrics.policyResultTally;
    for (const r of responses) for (const rr of r.results) tally.add(r.policy, rr.rule, rr.status, rr.action ?? '', operation);
  }
  // One copy of the record: pino leaves out undefined fields, so the responses never reach the line.
  // Object.assign: a spread with a new key (durationMs) is slow on Node 20, and this runs per admission.
  const line = Object.assign({}, record, { responses: undefined, durationMs: Math.round(seconds * 1e6) / 1e3 });
  if (record.decision === 'error') log.warn(line, 'admission error');
  else if (record.hookError) log.warn(line, 'admission');
  else log.info(line, 'admission');
}
