/**
 * Reads an AdmissionReview body: admission.k8s.io/v1 only, with the fields the engine needs checked.
 * Problems are values (AdmissionError), never throws; the uid is returned whenever it could be read so
 * that even a rejected body gets it echoed.
 */
import type { JsonObject, Operation } from '../engine/index.js';
import { admissionError, type AdmissionError } from './errors.js';
import { ADMISSION_API_VERSION, ADMISSION_REVIEW_KIND, type AdmissionRequest } from './types.js';

export type ParsedReview = { ok: true; request: AdmissionRequest } | { ok: false; uid?: string; error: AdmissionError };

const OPERATIONS = new Set<Operation>(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']);

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseAdmissionReview(body: unknown): ParsedReview {
  if (!isObject(body)) return { ok: false, error: admissionError('GR_ADMISSION_MALFORMED_BODY', 'body must be a JSON object') };
  const request = isObject(body.request) ? body.request : undefined;
  const uid = typeof request?.uid === 'string' && request.uid !== '' ? request.uid : undefined;
  const fail = (error: AdmissionError): ParsedReview => ({ ok: false, ...(uid ? { uid } : {}), error });
  if (body.apiVersion !== ADMISSION_API_VERSION) {
    const got = JSON.stringify(body.apiVersion ?? null);
    return fail(admissionError('GR_ADMISSION_WRONG_API_VERSION', `apiVersion ${got} is not served; use ${ADMISSION_API_VERSION}`, '/apiVersion'));
  }
  if (body.kind !== ADMISSION_REVIEW_KIND) {
    return fail(admissionError('GR_ADMISSION_WRONG_KIND', `kind must be ${ADMISSION_REVIEW_KIND}`, '/kind'));
  }
  if (!request) return fail(invalid('request is missing', '/request'));
  if (!uid) return fail(invalid('request.uid must be a non-empty string', '/request/uid'));
  const problem = requestProblem(request);
  return problem ? fail(problem) : { ok: true, request: request as unknown as AdmissionRequest };
}

function invalid(message: string, path: string): AdmissionError {
  return admissionError('GR_ADMISSION_INVALID_REQUEST', message, path);
}

function requestProblem(r: JsonObject): AdmissionError | undefined {
  if (!OPERATIONS.has(r.operation as Operation)) return invalid('request.operation must be CREATE, UPDATE, DELETE or CONNECT', '/request/operation');
  const kind = r.kind;
  if (!isObject(kind) || typeof kind.kind !== 'string' || typeof kind.version !== 'string' || typeof kind.group !== 'string') {
    return invalid('request.kind must be {group, version, kind}', '/request/kind');
  }
  if (!isObject(r.userInfo)) return invalid('request.userInfo must be an object', '/request/userInfo');
  for (const field of ['object', 'oldObject'] as const) {
    if (r[field] !== undefined && r[field] !== null && !isObject(r[field])) return invalid(`request.${field} must be an object`, `/request/${field}`);
  }
  if (r.dryRun !== undefined && typeof r.dryRun !== 'boolean') return invalid('request.dryRun must be a boolean', '/request/dryRun');
  return undefined;
}
