import { describe, expect, it } from 'vitest';
import { celFailure, celRun } from '../test-helpers.js';

// Cases from kyverno pkg/cel/libs/image/lib_test.go and go-containerregistry's name package
// (Docker Hub is index.docker.io with the implicit library/ namespace; the default tag is latest).
const DIGEST = 'sha256:6aefddb645ee6963afd681b1845c661d0ea4c3b20ab9db86d9e753b203d385f2';
const K8S = 'registry.k8s.io/kube-apiserver-arm64';

describe('image library', () => {
  it.each([
    [`isImage("${K8S}:latest")`, true],
    [`isImage("${K8S}:@")`, false],
    [`isImage("Nginx")`, false],
    [`image("${K8S}").containsDigest()`, false],
    [`image("${K8S}:latest").containsDigest()`, false],
    [`image("${K8S}@${DIGEST}").containsDigest()`, true],
    [`image("${K8S}:latest@${DIGEST}").containsDigest()`, true],
    [`image("${K8S}").registry()`, 'registry.k8s.io'],
    [`image("${K8S}").registry().matches("(registry.k8s.io|ghcr.io)")`, true],
    [`image("${K8S}").repository()`, 'kube-apiserver-arm64'],
    [`image("${K8S}:testtag").identifier()`, 'testtag'],
    [`image("${K8S}").identifier()`, 'latest'],
    [`image("${K8S}@${DIGEST}").identifier()`, DIGEST],
    [`image("${K8S}:latest@${DIGEST}").identifier()`, DIGEST],
    [`image("${K8S}:testtag").tag()`, 'testtag'],
    [`image("${K8S}").tag()`, 'latest'],
    [`image("${K8S}@${DIGEST}").tag()`, ''],
    [`image("${K8S}").digest()`, ''],
    [`image("${K8S}:testtag").digest()`, ''],
    [`image("${K8S}:latest@${DIGEST}").digest()`, DIGEST],
    [`parseImageReference("${K8S}:v1").tag()`, 'v1'],
  ])('%s', (expr, want) => expect(celRun(expr)).toBe(want));

  it.each([
    ['nginx', 'index.docker.io', 'library/nginx'],
    ['nginx:1.2', 'index.docker.io', 'library/nginx'],
    ['docker.io/nginx', 'index.docker.io', 'library/nginx'],
    ['bitnami/redis:7', 'index.docker.io', 'bitnami/redis'],
    ['localhost/app', 'index.docker.io', 'localhost/app'],
    ['localhost:5000/app:1', 'localhost:5000', 'app'],
    ['corp.reg.com/team/app:1', 'corp.reg.com', 'team/app'],
  ])('%s is registry %s, repository %s', (ref, registry, repository) => {
    expect(celRun(`image("${ref}").registry()`)).toBe(registry);
    expect(celRun(`image("${ref}").repository()`)).toBe(repository);
  });

  it('fails on an invalid reference at run time', () => expect(celFailure(`image("${K8S}:@")`)).toBe('CEL_EVAL'));
  it('rejects isImage on a non-string at compile time', () => expect(celFailure('isImage(0)')).toBe('CEL_TYPE'));
  it('compares images by value', () => expect(celRun('image("nginx") == image("nginx")')).toBe(true));
  it('renders an image as the reference it was parsed from', () => expect(celRun('image("nginx:1")')).toBe('nginx:1'));
});
