/** A small HTTPS client for the integration tests: trusts only the given CA, one connection per call by default. */
import { request, type Agent } from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface HttpsResult {
  status: number;
  body: string;
  json<T = unknown>(): T;
  /** Serial number of the certificate the server presented. */
  serial: string;
}

export interface HttpsOptions {
  ca: string;
  method?: 'GET' | 'POST';
  body?: string | Buffer;
  agent?: Agent | false;
  headers?: Record<string, string>;
  /** Writes the body in two halves with this pause in between (keeps the request in flight). */
  splitBodyPauseMs?: number;
  onFirstHalfWritten?: () => void;
}

export function httpsRequest(url: string, opts: HttpsOptions): Promise<HttpsResult> {
  return new Promise((resolve, reject) => {
    const body = opts.body === undefined ? undefined : Buffer.from(opts.body);
    const req = request(
      url,
      {
        method: opts.method ?? (body ? 'POST' : 'GET'),
        ca: opts.ca,
        agent: opts.agent ?? false,
        headers: { ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}), ...opts.headers },
      },
      (res) => {
        const serial = (res.socket as TLSSocket).getPeerCertificate().serialNumber ?? '';
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text, json: <T>() => JSON.parse(text) as T, serial });
        });
      },
    );
    req.on('error', reject);
    if (!body) return void req.end();
    if (!opts.splitBodyPauseMs) return void req.end(body);
    const half = Math.floor(body.length / 2);
    req.write(body.subarray(0, half), () => {
      opts.onFirstHalfWritten?.();
      setTimeout(() => req.end(body.subarray(half)), opts.splitBodyPauseMs);
    });
  });
}

export function postReview(url: string, review: unknown, ca: string, extra: Partial<HttpsOptions> = {}): Promise<HttpsResult> {
  return httpsRequest(url, { ca, body: JSON.stringify(review), ...extra });
}
