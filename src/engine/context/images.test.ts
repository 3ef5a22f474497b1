/**
 * The `images` variable as Kyverno builds it (pkg/utils/image/infos.go, GetImageInfo): docker.io when
 * the first path segment is not a registry host, tag `latest` only when there is neither tag nor digest,
 * `referenceWithTag` ends in `:` for a digest-only reference.
 */
import { describe, expect, it } from 'vitest';
import { extractImages, parseImageReference, podSpecOf } from './index.js';

describe('parseImageReference', () => {
  it('defaults the registry to docker.io and the tag to latest', () => {
    // path/reference of a one-segment name (`nginx` vs `library/nginx`) differ between Kyverno versions: not pinned here.
    expect(parseImageReference('nginx')).toMatchObject({ registry: 'docker.io', name: 'nginx', tag: 'latest', referenceWithTag: 'docker.io/nginx:latest' });
  });

  it('keeps an explicit tag and a repository path', () => {
    expect(parseImageReference('test/nginx:v10.3')).toMatchObject({ registry: 'docker.io', name: 'nginx', path: 'test/nginx', tag: 'v10.3', referenceWithTag: 'docker.io/test/nginx:v10.3' });
  });

  it('recognises a registry by a dot, a port, localhost or upper case in the first segment', () => {
    expect(parseImageReference('ghcr.io/org/app:1')?.registry).toBe('ghcr.io');
    expect(parseImageReference('localhost:4443/test/nginx')).toMatchObject({ registry: 'localhost:4443', path: 'test/nginx', tag: 'latest', referenceWithTag: 'localhost:4443/test/nginx:latest' });
    expect(parseImageReference('localhost/netd:v0.4.4-gke.0')).toMatchObject({ registry: 'localhost', name: 'netd', tag: 'v0.4.4-gke.0' });
  });

  it('a digest without tag gets no default tag; reference uses @digest, referenceWithTag ends in ":"', () => {
    const digest = 'sha256:dead07b4d8ed7e29e98de0f4504d87e8880d4347859d839686a31da35a3b532f';
    const info = parseImageReference(`docker.io/test/centos@${digest}`);
    expect(info).toMatchObject({ registry: 'docker.io', name: 'centos', path: 'test/centos', digest, reference: `docker.io/test/centos@${digest}`, referenceWithTag: 'docker.io/test/centos:' });
    expect(info?.tag).toBeUndefined();
  });

  it('keeps both tag and digest when both are given', () => {
    const info = parseImageReference('ghcr.io/app:1.2@sha256:' + 'a'.repeat(64));
    expect(info).toMatchObject({ tag: '1.2', digest: 'sha256:' + 'a'.repeat(64) });
  });

  it('rejects what is not an image reference', () => {
    expect(parseImageReference('++')).toBeUndefined();
    expect(parseImageReference('')).toBeUndefined();
    expect(parseImageReference('Upper/Case')).toBeUndefined();
  });
});

describe('extractImages', () => {
  const spec = { containers: [{ name: 'a', image: 'nginx' }], initContainers: [{ name: 'i', image: 'busybox:1' }] };

  it('keys images by container name under containers, initContainers and ephemeralContainers', () => {
    const images = extractImages({ kind: 'Pod', spec });
    expect(Object.keys(images ?? {})).toEqual(['containers', 'initContainers']);
    expect(images).toMatchObject({ containers: { a: { name: 'nginx' } }, initContainers: { i: { tag: '1' } } });
  });

  it('finds the pod spec of controllers and CronJobs', () => {
    expect(podSpecOf({ kind: 'Deployment', spec: { template: { spec } } })).toBe(spec);
    expect(podSpecOf({ kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec } } } } })).toBe(spec);
    expect(extractImages({ kind: 'ConfigMap', data: {} })).toBeUndefined();
  });
});
