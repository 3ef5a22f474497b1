import { describe, expect, it } from 'vitest';
import { buildBackupWebhookConfigs } from './backup-webhooks.js';

describe('backup webhook configurations', () => {
  it('send Deployments and StatefulSets (create/update) to /mutate and /validate, failurePolicy Fail, own namespace excluded', () => {
    const c = buildBackupWebhookConfigs({ url: 'https://g.example:9443', caBundle: 'PEM' }, 'guardrail');
    type Hook = { name: string; clientConfig: { url: string }; failurePolicy: string; rules: unknown[]; namespaceSelector: { matchExpressions: { values: string[] }[] } };
    const v = (c.validating as { metadata: { name: string }; webhooks: Hook[] }).webhooks;
    const m = (c.mutating as { metadata: { name: string }; webhooks: Hook[] }).webhooks;
    expect((c.mutating as { metadata: { name: string } }).metadata.name).toBe('guardrail-backup');
    expect(v.map((w) => w.clientConfig.url)).toEqual(['https://g.example:9443/validate']); // no policy-validating webhook here
    expect(m.map((w) => w.clientConfig.url)).toEqual(['https://g.example:9443/mutate']);
    for (const w of [...v, ...m]) {
      expect(w.failurePolicy).toBe('Fail');
      expect(w.rules).toEqual([{ apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments', 'statefulsets'], operations: ['CREATE', 'UPDATE'] }]);
      expect(w.namespaceSelector.matchExpressions[0]?.values).toContain('guardrail');
    }
  });
});
