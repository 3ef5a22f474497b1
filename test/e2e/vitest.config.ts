import { defineConfig } from 'vitest/config';

/**
 * The end-to-end suite: a real etcd + kube-apiserver (started once in global-setup.ts), the real kubectl,
 * helm and kubeconform built by test/tools/build-all.sh, and `guardrail serve` as a child process.
 * Files run one after another: they share one API server and register cluster-wide webhooks.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/support/temp-root.ts', 'test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
