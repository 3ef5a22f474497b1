import { callHost, fromCel, KyvernoContext, stringRecord } from './kyverno-host.js';
import type { CelLibrary } from './types.js';

/**
 * kyverno pkg/cel/libs/http (the `http` identifier): Get(url[, headers]), Post(url, body[, headers]),
 * Client(caBundle). The host decides what a response looks like (the Kyverno CLI's mocks return the
 * `response` of a test's apiCallResponses entry, i.e. `{statusCode, body}`). Offline, `Client`
 * returns the same context: the CA bundle only matters for a real TLS connection.
 */
export class HttpContext extends KyvernoContext {}

const httpGet = (ctx: HttpContext, url: string, headers?: unknown): unknown =>
  callHost(ctx, 'httpGet', 'http', url, stringRecord(headers ?? {}));
const httpPost = (ctx: HttpContext, url: string, body: unknown, headers?: unknown): unknown =>
  callHost(ctx, 'httpPost', 'http', url, fromCel(body), stringRecord(headers ?? {}));

export const kyvernoHttp = {
  source: 'kyverno pkg/cel/libs/http',
  provider: 'ours',
  functions: [
    'http.Get(string): dyn', 'http.Get(string, map<string, string>): dyn', 'http.Post(string, dyn): dyn',
    'http.Post(string, dyn, map<string, string>): dyn', 'http.Client(string): http',
  ],
  register(env) {
    env.registerType('HttpContext', HttpContext);
    for (const [g, p] of [['Get', 'Post'], ['get', 'post']] as const) {
      env.registerFunction(`HttpContext.${g}(string): dyn`, (c: HttpContext, url: string) => httpGet(c, url));
      env.registerFunction(`HttpContext.${g}(string, map<string, dyn>): dyn`, httpGet);
      env.registerFunction(`HttpContext.${p}(string, dyn): dyn`, (c: HttpContext, url: string, body: unknown) => httpPost(c, url, body));
      env.registerFunction(`HttpContext.${p}(string, dyn, map<string, dyn>): dyn`, httpPost);
    }
    env.registerFunction('HttpContext.Client(string): HttpContext', (c: HttpContext) => c);
  },
} as const satisfies CelLibrary;
