/** Admission: AdmissionReview v1 <-> engine. Pure: no I/O; the server module calls it. */
export type {
  AdmissionRequest,
  AdmissionResponse,
  AdmissionReview,
  GroupVersionResource,
  JsonPatchOperation,
  ResponseStatus,
} from './types.js';
export { ADMISSION_API_VERSION, ADMISSION_REVIEW_KIND } from './types.js';
export { ADMISSION_ERRORS, admissionError, httpStatusOf, type AdmissionError, type AdmissionErrorCode } from './errors.js';
export { parseAdmissionReview, type ParsedReview } from './review.js';
export { toAdmissionInput, resourceRefOf, type ResourceRef } from './input.js';
export { allowed, denied, errored, reviewOf, type AllowOptions, type DenyOptions } from './response.js';
export { patchFields, type PatchFields } from './patch.js';
export { buildDenyMessage, describeResource, type BlockedPolicy, type BlockedRule } from './message.js';
export { MAX_WARNING_CHARS, truncateWarning, formatWarning } from './warnings.js';
export { decide, emptyCounts, type Decision, type FailurePolicy } from './decide.js';
export { reviewPolicy, checkPolicyObject, type PolicyVerdict } from './policy-review.js';
export { timeoutVerdict, API_SERVER_WEBHOOK_TIMEOUT_MS, DEFAULT_EVAL_TIMEOUT_MS, type TimeoutVerdict } from './deadline.js';
