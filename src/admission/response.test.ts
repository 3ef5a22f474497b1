import { describe, expect, it } from 'vitest';
import { admissionError } from './errors.js';
import { allowed, denied, errored, reviewOf } from './response.js';

describe('response builders', () => {
  it('allow without warnings has no warnings field', () => {
    expect(allowed('u')).toEqual({ uid: 'u', allowed: true });
    expect(allowed('u', { warnings: ['w'] })).toEqual({ uid: 'u', allowed: true, warnings: ['w'] });
  });

  it('deny is 403 Forbidden with the message by default', () => {
    expect(denied('u', 'no')).toEqual({ uid: 'u', allowed: false, status: { status: 'Failure', code: 403, message: 'no' } });
  });

  it('errored echoes the uid and carries the error code and HTTP status', () => {
    const r = errored('u', admissionError('GR_ADMISSION_WRONG_API_VERSION', 'bad', '/apiVersion'));
    expect(r).toMatchObject({ uid: 'u', allowed: false, status: { code: 400, reason: 'GR_ADMISSION_WRONG_API_VERSION' } });
    expect(r.status?.message).toBe('GR_ADMISSION_WRONG_API_VERSION: bad at /apiVersion');
    expect(errored(undefined, admissionError('GR_ADMISSION_BODY_TOO_LARGE', 'big')).status?.code).toBe(413);
  });

  it('wraps a response in an admission.k8s.io/v1 AdmissionReview', () => {
    expect(reviewOf(allowed('u'))).toEqual({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: 'u', allowed: true } });
  });
});
