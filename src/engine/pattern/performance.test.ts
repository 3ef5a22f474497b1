import { describe, expect, it } from 'vitest';
import { validatePattern } from './index.js';

// The admission hot path: one Deployment against 17 pattern rules must take well under 1 ms.
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'prod', labels: { app: 'web', team: 'a' }, annotations: { owner: 'x' } },
  spec: {
    replicas: 3,
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        securityContext: { runAsNonRoot: true },
        containers: Array.from({ length: 3 }, (_, i) => ({
          name: `c${i}`,
          image: `registry.example.com/app:${i}.0`,
          imagePullPolicy: 'Always',
          resources: { limits: { memory: '512Mi', cpu: '500m' }, requests: { memory: '256Mi', cpu: '100m' } },
          securityContext: { allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ['ALL'] } },
          livenessProbe: { periodSeconds: 10 },
        })),
      },
    },
  },
};

const podSpec = (spec: unknown) => ({ spec: { template: { spec } } });
const patterns: unknown[] = [
  { metadata: { labels: { team: '?*' } } },
  podSpec({ containers: [{ image: '!*:latest' }] }),
  podSpec({ containers: [{ resources: { limits: { memory: '?* & <=2Gi', cpu: '?*' }, requests: { memory: '?*' } } }] }),
  podSpec({ '=(hostNetwork)': false, '=(hostPID)': false, '=(hostIPC)': false }),
  podSpec({ containers: [{ '=(securityContext)': { '=(privileged)': false } }] }),
  podSpec({ containers: [{ securityContext: { allowPrivilegeEscalation: false } }] }),
  podSpec({ '=(volumes)': [{ 'X(hostPath)': 'null' }] }),
  podSpec({ containers: [{ '(image)': '*:latest', imagePullPolicy: 'Always' }] }),
  podSpec({ containers: [{ image: 'registry.example.com/*' }] }),
  podSpec({ containers: [{ livenessProbe: { periodSeconds: '>0' } }] }),
  podSpec({ securityContext: { runAsNonRoot: true } }),
  podSpec({ containers: [{ securityContext: { capabilities: { drop: ['ALL'] } } }] }),
  { spec: { replicas: '>=2' } },
  { metadata: { 'X(annotations)': null } },
  podSpec({ '^(containers)': [{ name: 'c0' }] }),
  { spec: { template: { metadata: { labels: { app: '?*' } } } } },
  podSpec({ containers: [{ '=(ports)': [{ '=(hostPort)': 0 }] }] }),
];

describe('performance', () => {
  it('validates a Deployment against 17 patterns in well under 1 ms', () => {
    const run = () => patterns.map((p) => validatePattern(deployment, p).status);
    for (let i = 0; i < 200; i++) run(); // warm up caches and the JIT
    const rounds = 500;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) run();
    const perRequestMs = (performance.now() - start) / rounds;
    console.info(`pattern perf: ${(perRequestMs * 1000).toFixed(0)} µs per Deployment x 17 patterns`);
    expect(run().filter((s) => s !== 'pass')).toEqual(['skip', 'fail']); // the :latest condition skips; the annotations negation fails
    expect(perRequestMs).toBeLessThan(1);
  });
});
