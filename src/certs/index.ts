/** Certificates: node-forge CA and serving certificate (pure) and certificate sources behind one interface. */
export type { CertBundle, CertHealth, CertSource, CertSourceKind } from './types.js';
export {
  createCa,
  createServingCert,
  servingSans,
  isIpAddress,
  DEFAULT_SANS,
  CA_VALIDITY_DAYS,
  SERVING_VALIDITY_DAYS,
  type KeyPairPem,
  type CaOptions,
  type ServingCertOptions,
} from './forge-certs.js';
export { inspectCert, keyMatchesCert, signedBy, needsRenewal, type CertInfo } from './inspect.js';
export { CERT_FILES } from './files-layout.js';
export { ensureCertificates, type EnsureResult, type EnsureAction } from './ensure-certs.js';
export { createFilesCertSource, type FilesCertSourceOptions } from './files-source.js';
export { caBundleOf, readCaBundle } from './ca-bundle.js';
export { certSources, createCertSource, type CertSourceOptions } from './sources.js';
export { createSecretCertSource, type SecretCertSource, type SecretCertSourceOptions } from './sources/secret-source.js';
export { CA_SECRET_KEYS, type SecretStore } from './sources/secret-store.js';
export { createCertManagerCertSource, type CertManagerCertSourceOptions } from './sources/cert-manager-source.js';
