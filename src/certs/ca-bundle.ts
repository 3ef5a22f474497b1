/**
 * The `caBundle` of a ValidatingWebhookConfiguration/MutatingWebhookConfiguration: the CA certificate
 * PEM, base64-encoded (admissionregistration.k8s.io/v1 WebhookClientConfig.caBundle).
 */
import { join } from 'node:path';
import { CERT_FILES, readOptional } from './files-layout.js';

export function caBundleOf(caPem: string): string {
  return Buffer.from(caPem, 'utf8').toString('base64');
}

/** Reads ca.pem (or ca.crt) from a certificate folder; undefined when there is none. */
export async function readCaBundle(dir: string): Promise<string | undefined> {
  const pem = (await readOptional(join(dir, CERT_FILES.ca))) ?? (await readOptional(join(dir, CERT_FILES.caAlt)));
  return pem ? caBundleOf(pem) : undefined;
}
