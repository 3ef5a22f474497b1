import { evalError } from './eval-error.js';
import type { CelLibrary } from './types.js';

/**
 * k8s.io/apiserver/pkg/cel/library/urls.go over Go's url.ParseRequestURI: an absolute URI or an
 * absolute path; no fragment handling beyond Go's (a '#' is rejected by ParseRequestURI).
 */
export class URL {
  constructor(readonly scheme: string, readonly host: string, readonly path: string, readonly query: string) {}
  toString(): string {
    const authority = this.scheme ? `${this.scheme}://${this.host}` : '';
    return `${authority}${this.path}${this.query ? `?${this.query}` : ''}`;
  }
}

const URI = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/([^/?]*))?([^?]*)(?:\?(.*))?$/s;

export function parseUrl(s: string): URL | undefined {
  // ParseRequestURI does not split off a '#fragment': it stays in the path or query. Spaces are
  // allowed in the path (getEscapedPath escapes them) but not in scheme or host.
  if (/[\r\n\t]/.test(s)) return undefined;
  if (s.startsWith('/')) {
    const [path = '', query = ''] = s.split(/\?(.*)/s);
    return new URL('', '', path, query);
  }
  const m = URI.exec(s);
  if (!m) return undefined;
  const host = (m[2] ?? '').replace(/^.*@/, '');
  if (/\s/.test(host) || /\s/.test(m[4] ?? '')) return undefined;
  if (host.startsWith('[') && !/^\[[0-9a-fA-F:.]+\](:\d*)?$/.test(host)) return undefined;
  return new URL(m[1] ?? '', host, m[3] ?? '', m[4] ?? '');
}

function url(s: string): URL {
  const u = parseUrl(s);
  if (!u) throw evalError('invalid_argument', `URL parse error during conversion from string: ${s}`);
  return u;
}

function hostname(u: URL): string {
  const h = u.host;
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  return h.replace(/:\d*$/, '');
}

function port(u: URL): string {
  const m = /:(\d*)$/.exec(u.host.startsWith('[') ? u.host.slice(u.host.indexOf(']')) : u.host);
  return m?.[1] ?? '';
}

function query(u: URL): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of u.query.split('&')) {
    if (pair === '') continue;
    const [k = '', v = ''] = pair.split(/=(.*)/s).map((x) => decodeURIComponent(x.replace(/\+/g, ' ')));
    (out[k] ??= []).push(v);
  }
  return out;
}

/** Go's url.EscapedPath: keep RFC 3986 path characters and existing escapes, escape the rest. */
function escapePath(path: string): string {
  return path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu, (c) => encodeURIComponent(c));
}

export const urlLibrary = {
  source: 'k8s.io/apiserver/pkg/cel/library/urls.go',
  provider: 'ours',
  functions: [
    'url(string): URL', 'isURL(string): bool', 'URL.getScheme(): string', 'URL.getHost(): string',
    'URL.getHostname(): string', 'URL.getPort(): string', 'URL.getEscapedPath(): string',
    'URL.getQuery(): map<string, list<string>>',
  ],
  register(env) {
    env.registerType('URL', URL);
    env.registerOperator('URL == URL', (a: URL, b: URL) => a.scheme === b.scheme && a.host === b.host && a.path === b.path && a.query === b.query);
    env.registerFunction('url(string): URL', url);
    env.registerFunction('isURL(string): bool', (s: string) => parseUrl(s) !== undefined);
    env.registerFunction('URL.getScheme(): string', (u: URL) => u.scheme);
    env.registerFunction('URL.getHost(): string', (u: URL) => u.host);
    env.registerFunction('URL.getHostname(): string', hostname);
    env.registerFunction('URL.getPort(): string', port);
    env.registerFunction('URL.getEscapedPath(): string', (u: URL) => escapePath(u.path));
    env.registerFunction('URL.getQuery(): map<string, list<string>>', query);
  },
} as const satisfies CelLibrary;
