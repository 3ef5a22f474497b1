import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { applyPolicies } from './apply.js';
import { mutatedFileName, mutatedYaml, writeMutated } from './write-mutated.js';

const POLICY = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: add-owner
spec:
  rules:
    - name: add-owner
      match:
        any:
          - resources:
              kinds: [ConfigMap]
      mutate:
        patchStrategicMerge:
          metadata:
            labels:
              +(owner): platform
`;
const RESOURCES = `apiVersion: v1
kind: ConfigMap
metadata: {name: plain, namespace: team-a}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: owned, namespace: team-a, labels: {owner: someone}}
`;

describe('apply: mutated resources', () => {
  it('reports the mutated object and its patch, prints it and writes it with --output-dir', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guardrail-mutated-'));
    writeFileSync(path.join(dir, 'policy.yaml'), POLICY);
    writeFileSync(path.join(dir, 'resources.yaml'), RESOURCES);
    const report = await applyPolicies({ policies: [path.join(dir, 'policy.yaml')], resources: [path.join(dir, 'resources.yaml')], now: () => new Date(0) });
    expect(report.issues).toEqual([]);
    const [plain, owned] = report.entries;
    expect(plain?.patches).toEqual([{ op: 'add', path: '/metadata/labels', value: { owner: 'platform' } }]);
    expect(owned?.mutated).toBeUndefined(); // +() never overwrites: nothing changed, nothing reported
    expect(mutatedYaml(report)).toContain('owner: platform');
    const out = path.join(dir, 'out');
    const files = await writeMutated(report, out);
    expect(readdirSync(out)).toEqual([mutatedFileName('ConfigMap', 'team-a', 'plain')]);
    expect(load(readFileSync(files[0]!, 'utf8'))).toMatchObject({ metadata: { name: 'plain', labels: { owner: 'platform' } } });
  });
});
