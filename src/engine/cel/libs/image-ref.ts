/**
 * Image references as go-containerregistry's name.ParseReference reads them with default options
 * (kyverno pkg/cel/libs/image uses it): a tag reference is tried first, then a digest reference.
 * Docker Hub is `index.docker.io` (`docker.io` is rewritten to it) and its one-segment repositories
 * get the implicit `library/` namespace; a missing tag is `latest`.
 */
export class ImageRef {
  constructor(
    readonly original: string,
    readonly registry: string,
    readonly repository: string,
    readonly tag: string,
    readonly digest: string,
  ) {}
  get identifier(): string {
    return this.digest || this.tag;
  }
  toString(): string {
    return this.original;
  }
}

const DEFAULT_REGISTRY = 'index.docker.io';
const TAG = /^[A-Za-z0-9_.-]{1,128}$/;
const REPOSITORY = /^[a-z0-9_./-]{2,255}$/;
// url.Parse("//" + name).Host == name: a host (name, IPv4 or [IPv6]) with an optional numeric port.
const REGISTRY = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~%!$&'()*+,;=]+)(?::\d*)?$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

interface Repo { registry: string; repository: string }

function parseRepository(name: string): Repo | undefined {
  if (name === '') return undefined;
  let registry = '';
  let repo = name;
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  // The first segment is a registry only when it contains '.' or ':' (so `localhost/x` is Docker Hub).
  if (slash >= 0 && (first.includes('.') || first.includes(':'))) {
    registry = first;
    repo = name.slice(slash + 1);
  }
  if (!REPOSITORY.test(repo)) return undefined;
  if (registry !== '' && !REGISTRY.test(registry)) return undefined;
  if (registry === '' || registry === 'docker.io') registry = DEFAULT_REGISTRY;
  const implicit = registry === DEFAULT_REGISTRY && !repo.includes('/');
  return { registry, repository: implicit ? `library/${repo}` : repo };
}

function parseTag(name: string): (Repo & { tag: string }) | undefined {
  const colon = name.lastIndexOf(':');
  let base = name;
  let tag = '';
  if (colon >= 0 && !name.slice(colon + 1).includes('/')) {
    base = name.slice(0, colon);
    tag = name.slice(colon + 1);
    if (!TAG.test(tag)) return undefined;
  }
  const repo = parseRepository(base);
  return repo && { ...repo, tag: tag || 'latest' };
}

function parseDigest(name: string): (Repo & { digest: string }) | undefined {
  const parts = name.split('@');
  if (parts.length !== 2) return undefined;
  const [base = '', digest = ''] = parts;
  if (!DIGEST.test(digest)) return undefined;
  // `repo:tag@digest`: the tag is dropped, the digest identifies the image.
  const repo = parseTag(base) ?? parseRepository(base);
  return repo && { registry: repo.registry, repository: repo.repository, digest };
}

/** name.ParseReference: undefined when the string is not an image reference. */
export function parseImageRef(s: string): ImageRef | undefined {
  const tagged = parseTag(s);
  if (tagged) return new ImageRef(s, tagged.registry, tagged.repository, tagged.tag, '');
  const digested = parseDigest(s);
  if (digested) return new ImageRef(s, digested.registry, digested.repository, '', digested.digest);
  return undefined;
}
