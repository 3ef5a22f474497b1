/**
 * Certificate sources behind one interface, as controller-runtime's certwatcher and cert-manager's
 * (GetCertificate / Start / Healthy): the HTTPS server only ever asks `current()` and listens for changes.
 * Sources: `files` now; a self-managed Secret and cert-manager come with the cluster work.
 */

/** PEM texts: the serving key and certificate, and the CA that clients (the API server) trust. */
export interface CertBundle {
  key: string;
  cert: string;
  /** CA certificate (PEM); '' when the source does not know it. */
  ca: string;
}

export interface CertHealth {
  healthy: boolean;
  /** One line for /readyz?verbose, e.g. "serving certificate valid until 2026-01-01T00:00:00.000Z". */
  message: string;
  notAfter?: Date;
  /** The last problem seen while (re)loading, even if an older good bundle is still served. */
  lastError?: string;
}

export interface CertSource {
  readonly kind: CertSourceKind;
  /** Loads (and, for self-managed sources, creates) the certificate and starts watching for changes. */
  start(): Promise<void>;
  /** The bundle to serve now; throws only when called before a successful start(). */
  current(): CertBundle;
  healthy(): CertHealth;
  /** Called with each new bundle after a renewal or a change on disk; returns an unsubscribe function. */
  onChange(listener: (bundle: CertBundle) => void): () => void;
  stop(): Promise<void>;
}

export type CertSourceKind = 'files' | 'secret' | 'certManager';
