/**
 * Every error the admission endpoints answer with has a stable code and an HTTP status. Non-200 statuses
 * are deliberate: the API server treats them as a webhook failure, so the webhook configuration's
 * failurePolicy (Fail or Ignore) decides, not us. The body still echoes the request uid when known.
 */
export const ADMISSION_ERRORS = {
  GR_ADMISSION_MALFORMED_BODY: { status: 400, description: 'The body is not a JSON object.' },
  GR_ADMISSION_WRONG_API_VERSION: { status: 400, description: 'apiVersion is not admission.k8s.io/v1 (v1beta1 is not served).' },
  GR_ADMISSION_WRONG_KIND: { status: 400, description: 'kind is not AdmissionReview.' },
  GR_ADMISSION_INVALID_REQUEST: { status: 400, description: 'request is missing or lacks uid, kind, operation or userInfo.' },
  GR_ADMISSION_BODY_TOO_LARGE: { status: 413, description: 'The body is larger than the 7 MiB limit.' },
  GR_ADMISSION_UNSUPPORTED_MEDIA_TYPE: { status: 415, description: 'The body is not application/json.' },
  GR_ADMISSION_INTERNAL: { status: 500, description: 'An unexpected error while answering; failurePolicy decides.' },
} as const satisfies Record<string, { status: number; description: string }>;

export type AdmissionErrorCode = keyof typeof ADMISSION_ERRORS;

export interface AdmissionError {
  code: AdmissionErrorCode;
  message: string;
  /** JSON Pointer into the AdmissionReview body where the problem is ('' = the whole body). */
  path: string;
}

export function admissionError(code: AdmissionErrorCode, message: string, path = ''): AdmissionError {
  return { code, message, path };
}

export function httpStatusOf(code: AdmissionErrorCode): number {
  return ADMISSION_ERRORS[code].status;
}
