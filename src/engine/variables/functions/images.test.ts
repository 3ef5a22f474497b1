import { describe, expect, it } from 'vitest';
import { searchJmesPath } from '../jmespath/compile.js';
import { jp, jpError } from './test-helpers.js';

describe('image_normalize', () => {
  it('adds the default registry and tag', () => {
    expect(jp("image_normalize('nginx')")).toBe('docker.io/nginx:latest');
    expect(jp("image_normalize('ghcr.io/kyverno/kyverno')")).toBe('ghcr.io/kyverno/kyverno:latest');
    expect(jp("image_normalize('localhost:5000/app:1.0')")).toBe('localhost:5000/app:1.0');
    const digest = 'sha256:' + 'a'.repeat(64);
    expect(jp(`image_normalize('nginx:1.2@${digest}')`)).toBe(`docker.io/nginx@${digest}`);
  });
  it('rejects invalid references', () => {
    expect(jpError("image_normalize('nginx:')")).toMatch(/^JMESPath function 'image_normalize': invalid reference format/);
  });
});

describe('is_external_url', () => {
  it('loopback and private addresses are internal', () => {
    expect(jp("is_external_url('http://127.0.0.1/x')")).toBe(false);
    expect(jp("is_external_url('https://10.1.2.3')")).toBe(false);
    expect(jp("is_external_url('http://192.168.0.1:8080')")).toBe(false);
    expect(jp("is_external_url('http://8.8.8.8')")).toBe(true);
  });
  it('hostnames go through the injected resolver', () => {
    const env = { now: () => new Date(0), lookupHost: (h: string) => (h === 'internal.corp' ? ['10.0.0.1'] : ['93.184.216.34']) };
    expect(searchJmesPath("is_external_url('https://internal.corp')", {}, env)).toBe(false);
    expect(searchJmesPath("is_external_url('https://example.com')", {}, env)).toBe(true);
  });
});
