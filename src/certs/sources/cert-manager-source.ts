/**
 * The `certManager` certificate source: cert-manager writes tls.crt, tls.key and ca.crt into a Secret that
 * is mounted as a folder, and renews it there (the kubelet swaps the `..data` symlink). That is the files
 * source's job already, minus creating anything: we wait for cert-manager's first issue instead of making
 * a CA, then read and watch like the files source (a folder with no ca-key.pem is never written to).
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { CERT_FILES } from '../files-layout.js';
import { createFilesCertSource, type FilesCertSourceOptions } from '../files-source.js';
import type { CertSource } from '../types.js';

export interface CertManagerCertSourceOptions extends Omit<FilesCertSourceOptions, 'sans'> {
  /** How long start() waits for cert-manager's first certificate (default 120 s). */
  waitMs?: number;
  pollMs?: number;
}

export function createCertManagerCertSource(opts: CertManagerCertSourceOptions): CertSource {
  const files = createFilesCertSource(opts);
  return {
    ...files,
    kind: 'certManager',
    async start() {
      const deadline = Date.now() + (opts.waitMs ?? 120_000);
      while (!(await present(opts.dir))) {
        if (Date.now() > deadline) throw new Error(`no ${CERT_FILES.cert}/${CERT_FILES.key} in ${opts.dir}: is the cert-manager Certificate ready and its Secret mounted?`);
        await new Promise((r) => setTimeout(r, opts.pollMs ?? 1000));
      }
      await files.start();
    },
  };
}

async function present(dir: string): Promise<boolean> {
  try {
    await Promise.all([access(join(dir, CERT_FILES.cert)), access(join(dir, CERT_FILES.key))]);
    return true;
  } catch {
    return false;
  }
}
