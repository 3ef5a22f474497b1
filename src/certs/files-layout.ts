/**
 * The `files` layout of a certificate folder: ca.pem, ca-key.pem, tls.crt, tls.key (the names of a
 * Kubernetes TLS Secret for the serving pair, so a mounted Secret works too; ca.crt is read as well).
 * Writes are atomic (temporary file + rename) so a reader never sees half a PEM.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const CERT_FILES = {
  ca: 'ca.pem',
  caKey: 'ca-key.pem',
  cert: 'tls.crt',
  key: 'tls.key',
  /** cert-manager and TLS Secrets name the CA ca.crt. */
  caAlt: 'ca.crt',
} as const;

export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Private keys get mode 0600; certificates 0644. */
export async function writeAtomic(path: string, text: string, secret: boolean): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, text, { mode: secret ? 0o600 : 0o644 });
  await rename(tmp, path);
}

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

export interface FolderContents {
  ca?: string;
  caKey?: string;
  cert?: string;
  key?: string;
}

export async function readFolder(dir: string): Promise<FolderContents> {
  const [ca, caAlt, caKey, cert, key] = await Promise.all(
    [CERT_FILES.ca, CERT_FILES.caAlt, CERT_FILES.caKey, CERT_FILES.cert, CERT_FILES.key].map((f) => readOptional(join(dir, f))),
  );
  const out: FolderContents = {};
  if (ca ?? caAlt) out.ca = (ca ?? caAlt) as string;
  if (caKey) out.caKey = caKey;
  if (cert) out.cert = cert;
  if (key) out.key = key;
  return out;
}
