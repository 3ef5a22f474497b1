/**
 * The boundary's bookkeeping for one admission: one log line bound to the uid (counts, decision,
 * duration; never object data) and the metrics. Rule results are counted by policy and rule, never by
 * resource.
 */
import type { Logger, Metrics } from '../observability/index.js';
import { createAdmissionLog } from './admission-log.js';
import type { AnswerRecord } from './answer.js';

/** Records one answered admission; `seconds` from receiving the review to answering it. */
export type AnswerRecorder = (record: AnswerRecord, seconds: number) => void;

/** Built once per app: the log line's serializer and the metric cells live across requests. */
export function createAnswerRecorder(log: Logger, metrics: Metrics): AnswerRecorder {
  const admissionLog = createAdmissionLog(log);
  return (record, seconds) => {
    const responses = record.responses;
    const operation = record.operation ?? '';
    metrics.admissionTally.record(record.webhook, operation, record.kind ?? '', record.decision, seconds);
    if (responses) metrics.policyResultTally.addResponses(responses, operation);
    admissionLog.write(record, Math.round(seconds * 1e6) / 1e3);
  };
}
