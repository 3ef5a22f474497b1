import { describe, expect, it } from 'vitest';
import { clusterPolicy, codes, issuesOf, MATCH_PODS } from './test-helpers.js';

const DENY = `    validate:
      deny: {}
`;

describe('policy schema', () => {
  it('rejects an unknown field in a rule, pointing at its line', () => {
    const issues = issuesOf(clusterPolicy(`  - name: r\n${MATCH_PODS}    validatee: {}\n${DENY}`));
    expect(codes(issues)).toEqual([['SCHEMA_UNKNOWN_FIELD', '/spec/rules/0/validatee']]);
    expect(issues[0]?.source).toEqual({ file: 'policy.yaml', line: 12, col: 5 });
    expect(issues[0]?.message).toBe('unknown field "validatee"');
  });

  it('rejects unknown fields in match resources and in validate', () => {
    const rule = `  - name: r
    match:
      any:
      - resources:
          kind: [Pod]
    validate:
      patern: {}
      deny: {}
`;
    expect(codes(issuesOf(clusterPolicy(rule)))).toEqual([
      ['SCHEMA_UNKNOWN_FIELD', '/spec/rules/0/match/any/0/resources/kind'],
      ['SCHEMA_UNKNOWN_FIELD', '/spec/rules/0/validate/patern'],
    ]);
  });

  it('requires a rule name and match', () => {
    expect(codes(issuesOf(clusterPolicy(`  - ${DENY.trimStart()}`)))).toEqual([
      ['SCHEMA_MISSING_FIELD', '/spec/rules/0/name'],
      ['SCHEMA_MISSING_FIELD', '/spec/rules/0/match'],
    ]);
  });

  it('reports wrong types and bad values', () => {
    const rule = `  - name: r
    match:
      any:
      - resources:
          kinds: Pod
    validate:
      failureAction: Block
      deny: {}
`;
    const issues = issuesOf(clusterPolicy(rule, '  webhookTimeoutSeconds: 45\n'));
    expect(codes(issues)).toEqual([
      ['SCHEMA_BAD_VALUE', '/spec/webhookTimeoutSeconds'],
      ['SCHEMA_WRONG_TYPE', '/spec/rules/0/match/any/0/resources/kinds'],
      ['SCHEMA_BAD_VALUE', '/spec/rules/0/validate/failureAction'],
    ]);
    expect(issues[1]?.message).toBe('must be a list');
    expect(issues[2]?.message).toBe('must be one of "Audit", "Enforce"');
  });

  it('accepts deprecated conditions lists and {any, all}, rejects other shapes', () => {
    const rule = (conds: string) =>
      clusterPolicy(`  - name: r\n${MATCH_PODS}    validate:\n      deny:\n        conditions: ${conds}\n`);
    expect(issuesOf(rule('[{key: a, operator: Equals, value: b}]'))).toEqual([]);
    expect(issuesOf(rule('{any: [{key: a, operator: Equals, value: b}]}'))).toEqual([]);
    expect(codes(issuesOf(rule('{one: []}')))).toEqual([['SCHEMA_UNKNOWN_FIELD', '/spec/rules/0/validate/deny/conditions/one']]);
    expect(codes(issuesOf(rule('"a == b"')))).toEqual([['SCHEMA_WRONG_TYPE', '/spec/rules/0/validate/deny/conditions']]);
  });

  it('checks nested foreach with the same schema', () => {
    const rule = `  - name: r
${MATCH_PODS}    validate:
      foreach:
      - list: a
        foreach:
        - list: b
          pattrn: {}
          deny: {}
`;
    expect(codes(issuesOf(clusterPolicy(rule)))).toEqual([
      ['SCHEMA_UNKNOWN_FIELD', '/spec/rules/0/validate/foreach/0/foreach/0/pattrn'],
    ]);
  });

  it('checks the lighter schemas of CEL and admission policies', () => {
    const vap = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: x}
spec:
  validation:
  - expression: "true"
`;
    expect(codes(issuesOf(vap))).toEqual([['SCHEMA_UNKNOWN_FIELD', '/spec/validation']]);
    const vpol = `apiVersion: policies.kyverno.io/v1
kind: ValidatingPolicy
metadata: {name: x}
spec:
  validations:
  - message: no expression
`;
    expect(codes(issuesOf(vpol))).toEqual([['SCHEMA_MISSING_FIELD', '/spec/validations/0/expression']]);
    const binding = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: x}
spec:
  validationActions: [Reject]
`;
    expect(codes(issuesOf(binding))).toEqual([
      ['SCHEMA_MISSING_FIELD', '/spec/policyName'],
      ['SCHEMA_BAD_VALUE', '/spec/validationActions/0'],
    ]);
  });

  it('requires a PolicyException to name exceptions and match', () => {
    const exception = `apiVersion: kyverno.io/v2
kind: PolicyException
metadata: {name: x}
spec:
  exceptions:
  - policyName: p
`;
    expect(codes(issuesOf(exception))).toEqual([
      ['SCHEMA_MISSING_FIELD', '/spec/match'],
      ['SCHEMA_MISSING_FIELD', '/spec/exceptions/0/ruleNames'],
    ]);
  });
});

describe('policy kinds', () => {
  it('rejects a known kind at a version Kyverno does not serve', () => {
    const issues = issuesOf('apiVersion: kyverno.io/v1\nkind: PolicyException\nmetadata: {name: x}\nspec: {}\n');
    expect(codes(issues)).toEqual([['UNKNOWN_POLICY_KIND', '/apiVersion']]);
    expect(issues[0]?.source?.line).toBe(1);
  });

  it('rejects a misspelt Kyverno kind', () => {
    expect(codes(issuesOf('apiVersion: kyverno.io/v1\nkind: ClusterPolicey\nmetadata: {name: x}\n'))).toEqual([
      ['UNKNOWN_POLICY_KIND', '/kind'],
    ]);
  });

  it('skips other Kubernetes objects with a warning', () => {
    const issues = issuesOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    expect(issues).toMatchObject([{ code: 'NOT_A_POLICY', severity: 'warning' }]);
  });
});
