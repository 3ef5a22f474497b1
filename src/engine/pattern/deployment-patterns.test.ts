import { describe, expect, it } from 'vitest';
import { validatePattern } from './index.js';

// A realistic Deployment against 17 everyday pattern rules (the speed of this case is `npm run bench`'s).
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

describe('a Deployment against 17 everyday patterns', () => {
  it('passes all but the :latest conditional (skip) and the annotations negation (fail)', () => {
    const statuses = patterns.map((p) => validatePattern(deployment, p).status);
    expect(statuses.filter((s) => s !== 'pass')).toEqual(['skip', 'fail']);
    expect(statuses.indexOf('skip')).toBe(7);
    expect(statuses.indexOf('fail')).toBe(13);
  });
});
