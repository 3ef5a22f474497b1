/**
 * Certificate sources, a typed table: adding one (a self-managed Secret, cert-manager) is one file and
 * one line here; `satisfies` makes a missing factory a compile error.
 */
import { createFilesCertSource, type FilesCertSourceOptions } from './files-source.js';
import type { CertSource, CertSourceKind } from './types.js';

export interface CertSourceOptions {
  files: FilesCertSourceOptions;
}

export const certSources = {
  files: createFilesCertSource,
} satisfies { [K in CertSourceKind]: (opts: CertSourceOptions[K]) => CertSource };

export function createCertSource<K extends CertSourceKind>(kind: K, opts: CertSourceOptions[K]): CertSource {
  return certSources[kind](opts);
}
