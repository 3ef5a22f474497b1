/**
 * Certificate sources, a typed table: adding one (a self-managed Secret, cert-manager) is one file and
 * one line here; `satisfies` makes a missing factory a compile error.
 */
import { createFilesCertSource, type FilesCertSourceOptions } from './files-source.js';
import type { CertSource, CertSourceKind } from './types.js';
import { createCertManagerCertSource, type CertManagerCertSourceOptions } from './sources/cert-manager-source.js';
import { createSecretCertSource, type SecretCertSourceOptions } from './sources/secret-source.js';

export interface CertSourceOptions {
  files: FilesCertSourceOptions;
  secret: SecretCertSourceOptions;
  certManager: CertManagerCertSourceOptions;
}

export const certSources = {
  files: createFilesCertSource,
  secret: createSecretCertSource,
  certManager: createCertManagerCertSource,
} satisfies { [K in CertSourceKind]: (opts: CertSourceOptions[K]) => CertSource };

export function createCertSource<K extends CertSourceKind>(kind: K, opts: CertSourceOptions[K]): CertSource {
  // TypeScript cannot correlate certSources[K] with CertSourceOptions[K] across a union; `satisfies` above checks it.
  return (certSources[kind] as (o: CertSourceOptions[K]) => CertSource)(opts);
}
