/**
 * The HTTPS server and certificate hot reload: on a new bundle from the CertSource we call
 * `server.setSecureContext`, so new TLS handshakes use the renewed certificate without a restart, while
 * connections already open keep theirs (https://nodejs.org/api/tls.html#serversetsecurecontextoptions).
 */
import { createServer, type Server } from 'node:https';
import type { RequestListener } from 'node:http';
import type { CertBundle, CertSource } from '../certs/index.js';

// TLS 1.2 is the floor the API server's webhook client speaks; 1.0/1.1 are deprecated (RFC 8996).
const MIN_TLS_VERSION = 'TLSv1.2';

export function createHttpsServer(bundle: CertBundle, handler: RequestListener): Server {
  return createServer({ key: bundle.key, cert: bundle.cert, minVersion: MIN_TLS_VERSION }, handler);
}

/** Follows the source's renewals; returns the unsubscribe function. */
export function followCertificates(server: Server, source: CertSource, onSwap?: (bundle: CertBundle) => void): () => void {
  return source.onChange((bundle) => {
    server.setSecureContext({ key: bundle.key, cert: bundle.cert, minVersion: MIN_TLS_VERSION });
    onSwap?.(bundle);
  });
}
