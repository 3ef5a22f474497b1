import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCa, createServingCert, servingSans } from './forge-certs.js';
import { inspectCert, keyMatchesCert, needsRenewal, signedBy } from './inspect.js';

const now = new Date('2030-01-01T00:00:00Z');
const DAY = 24 * 3600 * 1000;
const ca = createCa({ now });
const leaf = createServingCert({ ca, now, sans: ['guardrail.guardrail.svc', 'localhost'] });

describe('createCa', () => {
  it('makes a self-signed CA valid for 10 years from the given time', () => {
    const x = new X509Certificate(ca.cert);
    expect(x.ca).toBe(true);
    expect(signedBy(ca.cert, ca.cert)).toBe(true);
    const info = inspectCert(ca.cert);
    expect(Math.round((info.notAfter.getTime() - now.getTime()) / DAY)).toBe(3650);
    expect(info.notBefore.getTime()).toBeLessThan(now.getTime());
  });
});

describe('createServingCert', () => {
  it('is signed by the CA, matches its key and is valid for one year', () => {
    expect(new X509Certificate(leaf.cert).ca).toBe(false);
    expect(signedBy(leaf.cert, ca.cert)).toBe(true);
    expect(keyMatchesCert(leaf.key, leaf.cert)).toBe(true);
    expect(keyMatchesCert(ca.key, leaf.cert)).toBe(false);
    expect(Math.round((inspectCert(leaf.cert).notAfter.getTime() - now.getTime()) / DAY)).toBe(365);
  });

  it('carries localhost, 127.0.0.1, ::1 and the extra names as SANs', () => {
    const x = new X509Certificate(leaf.cert);
    expect(x.checkHost('localhost')).toBe('localhost');
    expect(x.checkHost('guardrail.guardrail.svc')).toBe('guardrail.guardrail.svc');
    expect(x.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x.checkIP('::1')).toBe('::1');
    expect(x.checkHost('example.com')).toBeUndefined();
    expect(x.keyUsage).toContain('1.3.6.1.5.5.7.3.1'); // serverAuth
  });

  it('lists SANs once, defaults first', () => {
    expect(servingSans(['a.svc', 'localhost', ' ', 'a.svc'])).toEqual(['localhost', '127.0.0.1', '::1', 'a.svc']);
  });
});

describe('needsRenewal', () => {
  const info = inspectCert(leaf.cert);
  const sans = servingSans(['guardrail.guardrail.svc']);
  it('is false for a fresh certificate with every wanted SAN', () => {
    expect(needsRenewal(info, now, sans)).toBe(false);
  });
  it('is true with less than a third of the lifetime left', () => {
    expect(needsRenewal(info, new Date(now.getTime() + 250 * DAY), sans)).toBe(true);
  });
  it('is true when a wanted SAN is missing', () => {
    expect(needsRenewal(info, now, [...sans, 'other.svc'])).toBe(true);
  });
});
