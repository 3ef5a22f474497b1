import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicySetOptions } from '../policies-engine.js';
import { applyPolicies } from './apply.js';

const POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: max-replicas
spec:
  failurePolicy: Fail
  paramKind:
    apiVersion: v1
    kind: ConfigMap
  matchConstraints:
    resourceRules:
      - apiGroups: [apps]
        apiVersions: [v1]
        operations: [CREATE, UPDATE]
        resources: [deployments]
  validations:
    - expression: object.spec.replicas <= int(params.data.maxReplicas)
      message: too many replicas
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: max-replicas
spec:
  policyName: max-replicas
  validationActions: [Deny]
  paramRef:
    name: replica-limits
    namespace: default
    parameterNotFoundAction: Deny
`;
const PARAMS = `apiVersion: v1
kind: ConfigMap
metadata: {name: replica-limits, namespace: default}
data: {maxReplicas: "3"}
`;
const deployment = (name: string, replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: default}\nspec: {replicas: ${replicas}}\n`;

describe('apply --param-resources', () => {
  it('feeds paramRef from the given objects; without them the binding denies (parameterNotFoundAction)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guardrail-params-'));
    writeFileSync(path.join(dir, 'policy.yaml'), POLICY);
    writeFileSync(path.join(dir, 'params.yaml'), PARAMS);
    writeFileSync(path.join(dir, 'resources.yaml'), `${deployment('small', 2)}---\n${deployment('big', 5)}`);
    const req = { policies: [path.join(dir, 'policy.yaml')], resources: [path.join(dir, 'resources.yaml')], policySetOptions: defaultPolicySetOptions(), now: () => new Date(0) };
    const statuses = (r: Awaited<ReturnType<typeof applyPolicies>>) => r.entries.map((e) => e.responses.flatMap((x) => x.results.map((y) => y.status)));
    const withParams = await applyPolicies({ ...req, paramResources: [path.join(dir, 'params.yaml')] });
    expect(withParams.issues).toEqual([]);
    expect(statuses(withParams)).toEqual([['pass'], ['fail']]);
    const without = await applyPolicies(req);
    expect(statuses(without).flat()).not.toContain('pass');
  });
});
