import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { jp, jpError } from './test-helpers.js';

function selfSigned(): { pem: string; n: string } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '0a';
  cert.validity.notBefore = new Date('2024-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2025-01-01T00:00:00Z');
  const attrs = [{ name: 'commonName', value: 'kyverno.svc' }, { name: 'organizationName', value: 'Guardrail' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([{ name: 'subjectAltName', altNames: [{ type: 2, value: 'kyverno.svc' }] }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { pem: forge.pki.certificateToPem(cert), n: BigInt('0x' + keys.publicKey.n.toString(16)).toString() };
}

describe('x509_decode', () => {
  it('decodes subject, validity and the RSA public key like Go x509.Certificate', () => {
    const { pem, n } = selfSigned();
    const out = jp('x509_decode(pem)', { pem }) as {
      Subject: Record<string, unknown>;
      Issuer: Record<string, unknown>;
      [k: string]: unknown;
    };
    expect(out.Subject.CommonName).toBe('kyverno.svc');
    expect(out.Subject.Organization).toEqual(['Guardrail']);
    expect(out.Issuer.CommonName).toBe('kyverno.svc');
    expect(out.NotBefore).toBe('2024-01-01T00:00:00Z');
    expect(out.NotAfter).toBe('2025-01-01T00:00:00Z');
    expect(out.SerialNumber).toBe(10);
    expect(out.PublicKey).toEqual({ N: n, E: 65537 });
    expect(out.DNSNames).toEqual(['kyverno.svc']);
    expect(jp('x509_decode(base64_decode(b)).Subject.CommonName', { b: Buffer.from(pem).toString('base64') })).toBe('kyverno.svc');
  }, 20_000);
  it('rejects input that is not PEM', () => {
    expect(jpError("x509_decode('nope')")).toBe('failed to decode PEM block');
  });
});
