/** Reads what we need from PEM certificates, with Node's native X509Certificate (fast, no forge parse). */
import { X509Certificate, createPrivateKey } from 'node:crypto';

export interface CertInfo {
  notBefore: Date;
  notAfter: Date;
  serialNumber: string;
  /** DNS names and IP addresses from subjectAltName. */
  sans: string[];
}

export function inspectCert(pem: string): CertInfo {
  const x = new X509Certificate(pem);
  const sans = (x.subjectAltName ?? '')
    .split(', ')
    .map((s) => s.replace(/^(DNS|IP Address):/, ''))
    .filter((s) => s !== '');
  return { notBefore: new Date(x.validFrom), notAfter: new Date(x.validTo), serialNumber: x.serialNumber, sans };
}

/** True when the private key belongs to the certificate (a half-written renewal is caught here). */
export function keyMatchesCert(keyPem: string, certPem: string): boolean {
  try {
    return new X509Certificate(certPem).checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return false;
  }
}

/** True when `certPem` was issued and signed by `caPem`. */
export function signedBy(certPem: string, caPem: string): boolean {
  try {
    const cert = new X509Certificate(certPem);
    const ca = new X509Certificate(caPem);
    return cert.checkIssued(ca) && cert.verify(ca.publicKey);
  } catch {
    return false;
  }
}

/**
 * Renew when less than a third of the lifetime is left (cert-manager's default renewBefore is 1/3 of
 * the duration), or when the certificate lacks a wanted SAN.
 */
export function needsRenewal(info: CertInfo, now: Date, wantedSans: readonly string[]): boolean {
  const lifetime = info.notAfter.getTime() - info.notBefore.getTime();
  const left = info.notAfter.getTime() - now.getTime();
  const normalise = (s: string): string => s.toLowerCase().replace(/^::1$/, '0:0:0:0:0:0:0:1');
  const have = new Set(info.sans.map(normalise));
  return left < lifetime / 3 || wantedSans.some((s) => !have.has(normalise(s)));
}
