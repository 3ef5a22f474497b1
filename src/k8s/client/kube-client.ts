/**
 * The Kubernetes connection: a KubeConfig (file, or the pod's service account in-cluster) and one raw
 * request function over node:https with the config's TLS and credentials. Raw requests keep every call
 * (discovery, apiCall urlPath, server-side apply) on one small surface with a per-call timeout; informers
 * use the client library's ListWatch on the same KubeConfig.
 */
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { request as httpRequest } from 'node:http';
import { KubeConfig } from '@kubernetes/client-node';

export interface KubeClientOptions {
  /** Path of a kubeconfig; without it the in-cluster service account is used. */
  kubeconfig?: string;
  /** Default per-request timeout (ms). */
  timeoutMs?: number;
}

export interface RequestOpts {
  body?: unknown;
  contentType?: string;
  timeoutMs?: number;
}

export interface KubeClient {
  readonly kubeConfig: KubeConfig;
  readonly server: string;
  /** JSON in, JSON out; throws KubeApiError for a non-2xx answer. */
  request<T = unknown>(method: string, path: string, opts?: RequestOpts): Promise<T>;
}

/** A non-2xx answer from the API server, with its HTTP status and the Status reason (NotFound, Conflict...). */
export class KubeApiError extends Error {
  readonly code: string;
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.code = `K8S_${reason.replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c).toUpperCase() || status}`;
  }
}

export const isNotFound = (err: unknown): boolean => err instanceof KubeApiError && err.status === 404;
export const isConflict = (err: unknown): boolean => err instanceof KubeApiError && err.status === 409;

export function createKubeClient(opts: KubeClientOptions = {}): KubeClient {
  const kc = new KubeConfig();
  if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
  else kc.loadFromCluster();
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('kubeconfig has no current cluster');
  const server = cluster.server.replace(/\/+$/, '');
  return {
    kubeConfig: kc,
    server,
    async request<T>(method: string, path: string, ro: RequestOpts = {}): Promise<T> {
      const url = new URL(server + path);
      const headers: Record<string, string> = { Accept: 'application/json' };
      const payload = ro.body === undefined ? undefined : JSON.stringify(ro.body);
      if (payload !== undefined) headers['Content-Type'] = ro.contentType ?? 'application/json';
      const options: RequestOptions = { method, headers, timeout: ro.timeoutMs ?? opts.timeoutMs ?? 10_000 };
      await kc.applyToHTTPSOptions(options);
      return send<T>(url, options, payload);
    },
  };
}

function send<T>(url: URL, options: RequestOptions, payload: string | undefined): Promise<T> {
  const fn = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise<T>((resolve, reject) => {
    const req = fn(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = text;
        }
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(body as T);
        const s = (body ?? {}) as { reason?: string; message?: string };
        reject(new KubeApiError(status, s.reason ?? '', `${options.method} ${url.pathname}: ${status} ${s.message ?? text.slice(0, 200)}`));
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${options.method} ${url.pathname}: timed out after ${options.timeout} ms`)));
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
