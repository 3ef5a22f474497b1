/**
 * x509_decode: a PEM certificate decoded to an object shaped like Go's x509.Certificate encoded as JSON
 * (Kyverno functions.go jpX509Decode), for the fields policies read: Version, SerialNumber, Issuer,
 * Subject (pkix.Name fields), NotBefore, NotAfter, PublicKeyAlgorithm, PublicKey {N, E}, IsCA, DNSNames,
 * EmailAddresses, IPAddresses, Raw. Only RSA certificates are accepted, as in Kyverno.
 * Certificate requests (CSR) are not supported here (node:crypto cannot parse them).
 */
import { X509Certificate } from 'node:crypto';
import { FunctionError } from '../errors.js';
import { defineFunctions, str } from './types.js';

const NAME_FIELDS: Record<string, string> = {
  C: 'Country', O: 'Organization', OU: 'OrganizationalUnit', L: 'Locality', ST: 'Province', street: 'StreetAddress',
  postalCode: 'PostalCode',
};

/** pkix.Name from node's "CN=a\nO=b" rendering. */
function pkixName(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Country: null, Organization: null, OrganizationalUnit: null, Locality: null, Province: null,
    StreetAddress: null, PostalCode: null, SerialNumber: '', CommonName: '',
  };
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (key === 'CN') out.CommonName = value;
    else if (key === 'serialNumber') out.SerialNumber = value;
    else if (NAME_FIELDS[key]) out[NAME_FIELDS[key]] = [...((out[NAME_FIELDS[key]] as string[] | null) ?? []), value];
  }
  return out;
}

function goTime(text: string): string {
  return new Date(text).toISOString().replace('.000Z', 'Z');
}

function base64UrlToDecimal(b64: string): string {
  return BigInt('0x' + Buffer.from(b64, 'base64url').toString('hex')).toString();
}

function altNames(san: string | undefined, prefix: string): string[] | null {
  const list = (san ?? '').split(', ').filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length));
  return list.length ? list : null;
}

export function decodeCertificate(pem: string): Record<string, unknown> {
  const block = /-----BEGIN ([A-Z ]+)-----/.exec(pem);
  if (!block) throw new FunctionError('failed to decode PEM block');
  if (block[1] !== 'CERTIFICATE') {
    throw new FunctionError(block[1] === 'CERTIFICATE REQUEST' ? 'certificate requests are not supported' : 'PEM block neither contains a CERTIFICATE or CERTIFICATE REQUEST');
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch (e) {
    throw new FunctionError((e as Error).message);
  }
  if (cert.publicKey.asymmetricKeyType !== 'rsa') throw new FunctionError('certificate should use rsa algorithm');
  const jwk = cert.publicKey.export({ format: 'jwk' });
  const san = cert.subjectAltName;
  return {
    Raw: cert.raw.toString('base64'),
    Version: 3,
    SerialNumber: Number(BigInt('0x' + cert.serialNumber)),
    Issuer: pkixName(cert.issuer),
    Subject: pkixName(cert.subject),
    NotBefore: goTime(cert.validFrom),
    NotAfter: goTime(cert.validTo),
    PublicKeyAlgorithm: 1,
    PublicKey: { N: base64UrlToDecimal(jwk.n ?? ''), E: Number(base64UrlToDecimal(jwk.e ?? '')) },
    IsCA: cert.ca,
    DNSNames: altNames(san, 'DNS:'),
    EmailAddresses: altNames(san, 'email:'),
    IPAddresses: altNames(san, 'IP Address:'),
  };
}

export const x509Functions = defineFunctions({
  x509_decode: {
    args: [{ types: ['string'] }],
    returns: ['object'],
    note: 'decodes an x.509 certificate to an object. you may also use this in conjunction with `base64_decode` jmespath function to decode a base64-encoded certificate',
    impl: (a) => decodeCertificate(str('x509_decode', a, 0)),
  },
});
