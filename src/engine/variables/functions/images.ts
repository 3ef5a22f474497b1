/**
 * Image references and URLs: image_normalize (Kyverno pkg/utils/image GetImageInfo with the default
 * registry docker.io) and is_external_url.
 */
import { FunctionError } from '../errors.js';
import { defineFunctions, genericError, str, type FunctionEnv } from './types.js';

const DEFAULT_REGISTRY = 'docker.io';
const COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^\w[\w.-]{0,127}$/;
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const DOMAIN_RE = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$|^\[[0-9a-fA-F:.]+\](?::\d+)?$/;

/** A domain is the first component when it has a dot or a port, or is localhost (distribution/reference). */
function hasDomain(image: string): boolean {
  const slash = image.indexOf('/');
  if (slash < 0) return false;
  const first = image.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}

export function normalizeImage(image: string): string {
  const full = hasDomain(image) ? image : `${DEFAULT_REGISTRY}/${image}`;
  const bad = (why: string) => new FunctionError(`invalid reference format${why ? ': ' + why : ''}`);
  let rest = full;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) throw bad('invalid digest');
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) throw bad('invalid tag');
  }
  const slash = rest.indexOf('/');
  const registry = rest.slice(0, slash);
  const path = rest.slice(slash + 1);
  if (!DOMAIN_RE.test(registry)) throw bad('invalid domain');
  for (const part of path.split('/')) {
    if (!COMPONENT_RE.test(part)) throw bad(part.toLowerCase() === part ? '' : 'repository name must be lowercase');
  }
  const name = `${registry}/${path}`;
  return digest ? `${name}@${digest}` : `${name}:${tag || 'latest'}`;
}

function isInternalIp(ip: string): boolean | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    if ([1, 2, 3, 4].some((i) => Number(v4[i]) > 255)) return undefined;
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (ip.includes(':') && /^[0-9a-fA-F:.]+$/.test(ip)) {
    const lower = ip.toLowerCase();
    return lower === '::1' || /^f[cd]/.test(lower) || /^::ffff:(127|10)\./.test(lower);
  }
  return undefined;
}

function isExternal(text: string, env: FunctionEnv | undefined): boolean {
  let host: string;
  try {
    host = new URL(text).hostname.replace(/^\[|\]$/g, '');
  } catch {
    throw genericError('is_external_url', `parse ${JSON.stringify(text)}: invalid URL`);
  }
  // net.IP IsLoopback() || IsPrivate() (RFC 1918, RFC 4193).
  const internal = isInternalIp(host);
  if (internal !== undefined) return !internal;
  // Kyverno resolves hostnames over DNS; the pure engine asks the injected resolver, if any.
  const ips = env?.lookupHost?.(host) ?? (host === 'localhost' ? ['127.0.0.1'] : []);
  return !ips.some((ip) => isInternalIp(ip) === true);
}

export const imageFunctions = defineFunctions({
  image_normalize: {
    args: [{ types: ['string'] }],
    returns: ['string'],
    note: 'normalizes an image reference',
    impl: (a) => {
      try {
        return normalizeImage(str('image_normalize', a, 0));
      } catch (e) {
        throw genericError('image_normalize', (e as Error).message);
      }
    },
  },
  is_external_url: {
    args: [{ types: ['string'] }],
    returns: ['boolean'],
    note: 'checks if the given URL points to an external (not loopback or private) address',
    impl: (a, ctx) => {
      let env: FunctionEnv | undefined;
      try {
        env = ctx.env();
      } catch {
        env = undefined;
      }
      return isExternal(str('is_external_url', a, 0), env);
    },
  },
});
