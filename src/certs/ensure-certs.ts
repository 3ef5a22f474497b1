/**
 * Makes sure a certificate folder holds a usable serving pair: creates the CA on first start, issues
 * (or renews) the serving certificate when it is missing, expiring, or lacks a wanted SAN, and reuses
 * what is there otherwise. A folder without ca-key.pem is someone else's (bring your own): never touched.
 */
import { join } from 'node:path';
import { createCa, createServingCert, servingSans } from './forge-certs.js';
import { CERT_FILES, ensureDir, readFolder, writeAtomic } from './files-layout.js';
import { inspectCert, needsRenewal, signedBy } from './inspect.js';

export type EnsureAction = 'created-ca' | 'issued' | 'reused' | 'external';

export interface EnsureResult {
  actions: EnsureAction[];
}

export async function ensureCertificates(dir: string, extraSans: readonly string[], now: Date): Promise<EnsureResult> {
  await ensureDir(dir);
  const found = await readFolder(dir);
  const actions: EnsureAction[] = [];
  if (!found.caKey && found.cert && found.key) return { actions: ['external'] };
  let ca = found.ca && found.caKey ? { cert: found.ca, key: found.caKey } : undefined;
  if (!ca) {
    if (found.ca) throw new Error(`${join(dir, CERT_FILES.ca)} exists without ${CERT_FILES.caKey}: cannot issue a serving certificate`);
    ca = createCa({ now });
    await writeAtomic(join(dir, CERT_FILES.caKey), ca.key, true);
    await writeAtomic(join(dir, CERT_FILES.ca), ca.cert, false);
    actions.push('created-ca');
  }
  const sans = servingSans(extraSans);
  const reusable = found.cert && found.key && signedBy(found.cert, ca.cert) && !needsRenewal(inspectCert(found.cert), now, sans);
  if (reusable) return { actions: [...actions, 'reused'] };
  const leaf = createServingCert({ ca, now, sans });
  // Key first, certificate second: a watcher that reads in between sees a mismatch and keeps the old pair.
  await writeAtomic(join(dir, CERT_FILES.key), leaf.key, true);
  await writeAtomic(join(dir, CERT_FILES.cert), leaf.cert, false);
  return { actions: [...actions, 'issued'] };
}
