import { describe, expect, it } from 'vitest';
import { CERT_MODES } from '../../k8s/index.js';
import { SERVE_CERT_MODES } from './serve.js';

describe('serve --cert-mode', () => {
  it('offers exactly the cluster mode certificate modes (listed apart so local mode never loads src/k8s)', () => {
    expect([...SERVE_CERT_MODES].sort()).toEqual([...CERT_MODES].sort());
  });
});
