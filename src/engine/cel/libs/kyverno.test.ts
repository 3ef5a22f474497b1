import { describe, expect, it } from 'vitest';
import { compileCel } from '../compile.js';
import { createKyvernoHandles } from './kyverno.js';
import type { CelHostLibraries } from './kyverno-host.js';

// Semantics from kyverno pkg/cel/libs/{resource,http,globalcontext,imagedata} and
// https://kyverno.io/docs/policy-types/cel-libraries/.
const VARS = ['object', 'resource', 'http', 'globalContext', 'image'];

function run(expression: string, host: CelHostLibraries | undefined, object: unknown = {}) {
  const c = compileCel(expression, { variables: VARS });
  if (!c.ok) throw new Error(`${c.code}: ${c.message}`);
  return c.program.evaluate({ object, ...createKyvernoHandles(host) });
}

const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'regs', namespace: 'default' }, data: { registries: 'ghcr.io/' } };
const calls: unknown[][] = [];
const host: CelHostLibraries = {
  getResource: (...args) => (calls.push(args), args[3] === 'regs' ? cm : undefined),
  listResources: (_v, _r, ns, labels) => (ns === 'default' && !labels?.env ? [cm, { ...cm, metadata: { name: 'b' } }] : []),
  postResource: (_v, _r, _ns, body) => ({ status: { allowed: (body as { spec: { user: string } }).spec.user === 'alice' } }),
  httpGet: (url, headers) => ({ url, auth: headers.Authorization ?? '', replicas: 3 }),
  httpPost: (url, body) => ({ statusCode: 200, body: { echoed: body } }),
  globalContext: (name, projection) => (name === 'gce' ? (projection === '' ? { items: [1, 2] } : 2) : undefined),
  imageMetadata: (ref) => (ref === 'nginx' ? { config: { Env: ['A=1'] } } : undefined),
};

describe('resource library', () => {
  it('gets one object by apiVersion, resource, namespace and name', () => {
    expect(run('resource.Get("v1", "configmaps", "default", "regs").data.registries', host)).toMatchObject({ ok: true, value: 'ghcr.io/' });
    expect(calls.at(-1)).toEqual(['v1', 'configmaps', 'default', 'regs']);
  });
  it('accepts the lowercase spelling', () => {
    expect(run('resource.get("v1", "configmaps", "default", "regs").metadata.name', host)).toMatchObject({ value: 'regs' });
  });
  it('fails on a missing object, like a GET that returns 404', () => {
    expect(run('resource.Get("v1", "configmaps", "default", "nope")', host)).toMatchObject({ ok: false, code: 'CEL_EVAL', message: expect.stringContaining('not found') });
  });
  it('lists objects as a List with items, optionally by labels', () => {
    expect(run('resource.List("v1", "configmaps", "default").items.size()', host)).toMatchObject({ value: 2 });
    expect(run('resource.List("v1", "configmaps", "default", {"env": "prod"}).items.size()', host)).toMatchObject({ value: 0 });
  });
  it('posts an object and returns the answer (SubjectAccessReview style)', () => {
    const expr = 'resource.Post("authorization.k8s.io/v1", "subjectaccessreviews", {"spec": {"user": "alice"}}).status.allowed';
    expect(run(expr, host)).toMatchObject({ value: true });
  });
  it('converts integral JSON numbers from the host to CEL int', () => {
    expect(run('http.Get("https://x").replicas + 1 == 4', host)).toMatchObject({ value: true });
  });
});

describe('http library', () => {
  it('passes headers to Get', () => {
    expect(run('http.Get("https://x", {"Authorization": "Bearer t"}).auth', host)).toMatchObject({ value: 'Bearer t' });
  });
  it('passes a JSON body to Post', () => {
    expect(run('http.Post("https://x", {"name": object.name}).body.echoed.name', host, { name: 'p' })).toMatchObject({ value: 'p' });
  });
  it('Client(caBundle) keeps the same host offline', () => {
    expect(run('http.Client("pem").Get("https://y").url', host)).toMatchObject({ value: 'https://y' });
  });
});

describe('globalContext and image libraries', () => {
  it('reads an entry or one projection; an unknown entry is null', () => {
    expect(run('size(globalContext.Get("gce", "").items)', host)).toMatchObject({ value: 2 });
    expect(run('globalContext.Get("gce", "count")', host)).toMatchObject({ value: 2 });
    expect(run('globalContext.Get("other", "") == null', host)).toMatchObject({ value: true });
  });
  it('returns image metadata and fails for unknown images', () => {
    expect(run('image.GetMetadata("nginx").config.Env[0]', host)).toMatchObject({ value: 'A=1' });
    expect(run('image.GetMetadata("busybox")', host)).toMatchObject({ ok: false, code: 'CEL_EVAL' });
  });
  it('leaves `image` usable as a comprehension variable', () => {
    expect(run('object.images.all(image, image.startsWith("ghcr.io/"))', host, { images: ['ghcr.io/a'] })).toMatchObject({ value: true });
  });
});

describe('without a host', () => {
  it.each([
    ['resource.Get("v1", "configmaps", "default", "regs")', 'resource library needs a cluster connection'],
    ['http.Get("https://x")', 'http library needs a cluster connection'],
    ['globalContext.Get("gce", "")', 'globalContext library needs a cluster connection'],
    ['image.GetMetadata("nginx")', 'image library needs a cluster connection'],
  ])('%s is a CEL_EVAL error', (expr, message) => {
    expect(run(expr, undefined)).toMatchObject({ ok: false, code: 'CEL_EVAL', message: expect.stringContaining(message) });
  });
  it('reports a failing host call with the library name', () => {
    const failing: CelHostLibraries = { httpGet: () => { throw new Error('no mocked response'); } };
    expect(run('http.Get("https://x")', failing)).toMatchObject({ ok: false, message: expect.stringContaining('http: no mocked response') });
  });
});
