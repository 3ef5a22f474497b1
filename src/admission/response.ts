/**
 * AdmissionResponse builders, the whole envelope in one place (as controller-runtime's
 * webhook/admission/response.go): allowed, denied, errored. Each takes the request uid first so no path
 * can forget to echo it.
 */
import { ADMISSION_ERRORS, type AdmissionError } from './errors.js';
import { patchFields } from './patch.js';
import {
  ADMISSION_API_VERSION,
  ADMISSION_REVIEW_KIND,
  type AdmissionResponse,
  type AdmissionReview,
  type JsonPatchOperation,
} from './types.js';

export interface AllowOptions {
  warnings?: readonly string[];
  patch?: readonly JsonPatchOperation[];
}

export function allowed(uid: string, opts: AllowOptions = {}): AdmissionResponse {
  return { uid, allowed: true, ...patchFields(opts.patch), ...warningsField(opts.warnings) };
}

export interface DenyOptions {
  /** HTTP-like status code for the API server's error; 403 by default. */
  code?: number;
  /**
   * A StatusReason (e.g. `Timeout`). Left out of policy denials on purpose: kubectl prints a set reason as
   * `Error from server (Forbidden): ...`, and users (and Kyverno) expect `Error from server: ...`.
   */
  reason?: string;
  warnings?: readonly string[];
}

export function denied(uid: string, message: string, opts: DenyOptions = {}): AdmissionResponse {
  const status = { status: 'Failure' as const, code: opts.code ?? 403, ...(opts.reason ? { reason: opts.reason } : {}), message };
  return { uid, allowed: false, status, ...warningsField(opts.warnings) };
}

/** The answer to a request we could not review; sent with the error's HTTP status (see errors.ts). */
export function errored(uid: string | undefined, error: AdmissionError): AdmissionResponse {
  const code = ADMISSION_ERRORS[error.code].status;
  const where = error.path ? ` at ${error.path}` : '';
  return { uid: uid ?? '', allowed: false, status: { status: 'Failure', code, reason: error.code, message: `${error.code}: ${error.message}${where}` } };
}

export function reviewOf(response: AdmissionResponse): AdmissionReview {
  return { apiVersion: ADMISSION_API_VERSION, kind: ADMISSION_REVIEW_KIND, response };
}

function warningsField(warnings: readonly string[] | undefined): { warnings?: string[] } {
  return warnings && warnings.length > 0 ? { warnings: [...warnings] } : {};
}
