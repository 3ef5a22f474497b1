/** The shapes answerReview works with: its context (what a route hands it) and its result. */
import type { AdmissionRequest, AdmissionReview, JsonPatchOperation } from '../admission/index.js';
import type { AdmissionInput, EngineDeps, MaybePromise, PolicyResponse, PolicySetOptions, RuleStatus } from '../engine/index.js';
import type { AdmissionOutcome, Webhook } from '../observability/index.js';
import type { PolicyProvider } from './policy-store/index.js';

export interface AdmittedEvent {
  webhook: Webhook;
  request: AdmissionRequest;
  responses: PolicyResponse[];
  allowed: boolean;
}

/**
 * Extra admission logic beside the policy set (the data-protection integration, src/backup/admission):
 * on /mutate it sees the engine's mutated object and its patch follows the engine's; on /validate it may deny or warn after the policies allowed,
 * and add a hint to their deny.
 */
export interface AdmissionExtension {
  mutate?(object: unknown): MaybePromise<{ patch: JsonPatchOperation[]; warnings: string[] }>;
  /** `hint` is appended to the policies' deny message (e.g. the backup policies that exist). */
  validate?(object: unknown): MaybePromise<{ deny?: string; warnings: string[]; hint?: string }>;
}

export interface AnswerContext {
  extension?: AdmissionExtension;
  policies: PolicyProvider;
  engineDeps: () => EngineDeps;
  policySetOptions?: PolicySetOptions;
  /** Evaluation budget in ms; past it the answer follows failurePolicy (DEFAULT_EVAL_TIMEOUT_MS). */
  evalTimeoutMs?: number;
  /** Side effects (reports, events) of /validate hang here; never called for dryRun requests. */
  onAdmitted?: (event: AdmittedEvent) => void;
  /** Cluster mode adds what the AdmissionReview lacks (namespace labels for namespaceSelector). */
  enrichInput?: (input: AdmissionInput) => AdmissionInput;
}

/** What the boundary logs and counts; never object data. */
export interface AnswerRecord {
  uid: string;
  webhook: Webhook;
  decision: AdmissionOutcome;
  operation?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  dryRun?: boolean;
  policies?: number;
  generation?: number;
  results?: Record<RuleStatus, number>;
  blocking?: string[];
  warnings?: number;
  /** Operations in the /mutate patch. */
  patchOps?: number;
  /** Set when evaluation overran its budget and failurePolicy decided. */
  timedOut?: boolean;
  error?: string;
  /** A throw from the onAdmitted hook; logged, never answered. */
  hookError?: string;
  /** The engine's responses (counted in metrics, not logged; tests compare them with the CLI's). */
  responses?: PolicyResponse[];
}

export interface Answer {
  status: number;
  review: AdmissionReview;
  record: AnswerRecord;
}
