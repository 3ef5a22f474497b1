/**
 * Pure certificate making with node-forge: a CA (10 years) and a serving certificate signed by it
 * (1 year). The clock is an argument; only key generation draws randomness. RSA 2048 with SHA-256:
 * accepted by every Kubernetes API server (forge cannot sign with ECDSA).
 */
import forge from 'node-forge';

export interface KeyPairPem {
  key: string;
  cert: string;
}

export const CA_VALIDITY_DAYS = 3650;
export const SERVING_VALIDITY_DAYS = 365;
/** Always in a serving certificate, so local tools and probes can connect. */
export const DEFAULT_SANS = ['localhost', '127.0.0.1', '::1'];

// Backdate notBefore a little: a peer whose clock is slightly behind must not see a "not yet valid" cert.
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CaOptions {
  now: Date;
  commonName?: string;
  validityDays?: number;
  keyBits?: number;
}

export function createCa(opts: CaOptions): KeyPairPem {
  const keys = forge.pki.rsa.generateKeyPair({ bits: opts.keyBits ?? 2048 });
  const cert = baseCert(keys.publicKey, opts.now, opts.validityDays ?? CA_VALIDITY_DAYS);
  const subject = [{ name: 'commonName', value: opts.commonName ?? 'guardrail-ca' }, { name: 'organizationName', value: 'guardrail' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) };
}

export interface ServingCertOptions {
  ca: KeyPairPem;
  now: Date;
  /** DNS names and IP addresses; DEFAULT_SANS are always added. */
  sans?: readonly string[];
  commonName?: string;
  validityDays?: number;
  keyBits?: number;
}

export function createServingCert(opts: ServingCertOptions): KeyPairPem {
  const caCert = forge.pki.certificateFromPem(opts.ca.cert);
  const caKey = forge.pki.privateKeyFromPem(opts.ca.key);
  const keys = forge.pki.rsa.generateKeyPair({ bits: opts.keyBits ?? 2048 });
  const cert = baseCert(keys.publicKey, opts.now, opts.validityDays ?? SERVING_VALIDITY_DAYS);
  const sans = servingSans(opts.sans ?? []);
  cert.setSubject([{ name: 'commonName', value: opts.commonName ?? firstDnsName(sans) }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: sans.map(altName) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) };
}

/** DEFAULT_SANS plus the extra names, without duplicates, in order. */
export function servingSans(extra: readonly string[]): string[] {
  return [...new Set([...DEFAULT_SANS, ...extra.map((s) => s.trim()).filter((s) => s !== '')])];
}

export function isIpAddress(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(':');
}

function altName(name: string): { type: number; value?: string; ip?: string } {
  // GeneralName tags (RFC 5280 4.2.1.6): 2 = dNSName, 7 = iPAddress.
  return isIpAddress(name) ? { type: 7, ip: name } : { type: 2, value: name };
}

function firstDnsName(sans: readonly string[]): string {
  return [...sans].reverse().find((s) => !isIpAddress(s)) ?? 'localhost';
}

function baseCert(publicKey: forge.pki.PublicKey, now: Date, validityDays: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - CLOCK_SKEW_MS);
  cert.validity.notAfter = new Date(now.getTime() + validityDays * DAY_MS);
  return cert;
}

function serialNumber(): string {
  // 16 random bytes (RFC 5280 allows up to 20 octets); the top bit cleared keeps the INTEGER positive.
  const bytes = forge.util.bytesToHex(forge.random.getBytesSync(16));
  return (parseInt(bytes.slice(0, 2), 16) & 0x7f).toString(16).padStart(2, '0') + bytes.slice(2);
}
