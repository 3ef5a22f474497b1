import { describe, expect, it } from 'vitest';
import { clusterPolicy, codes, issuesOf, MATCH_PODS } from './test-helpers.js';

const DENY = `    validate:
      deny: {}
`;
const rule = (name: string, body = DENY, match = MATCH_PODS) => `  - name: ${name}\n${match}${body}`;

describe('rule names', () => {
  it('must be unique within a policy', () => {
    const issues = issuesOf(clusterPolicy(rule('a') + rule('b') + rule('a')));
    expect(codes(issues)).toEqual([['DUPLICATE_RULE_NAME', '/spec/rules/2/name']]);
    expect(issues[0]?.message).toBe('duplicate rule name "a" (also rule 0)');
  });
});

describe('rule operation', () => {
  it('requires exactly one of validate, mutate, generate, verifyImages', () => {
    expect(codes(issuesOf(clusterPolicy(rule('none', ''))))).toEqual([['RULE_TYPE', '/spec/rules/0']]);
    const two = `${DENY}    mutate:\n      patchStrategicMerge: {metadata: {labels: {a: b}}}\n`;
    const issues = issuesOf(clusterPolicy(rule('two', two)));
    expect(codes(issues)).toEqual([['RULE_TYPE', '/spec/rules/0']]);
    expect(issues[0]?.message).toContain('validate and mutate');
  });

  it('treats an empty block as absent, as Kyverno does', () => {
    expect(codes(issuesOf(clusterPolicy(rule('empty', '    mutate: {}\n    validate:\n      deny: {}\n'))))).toEqual([]);
  });
});

describe('validate method', () => {
  it('requires one of pattern, anyPattern, deny, foreach, cel, podSecurity, manifests, assert', () => {
    const none = issuesOf(clusterPolicy(rule('r', '    validate:\n      message: hi\n')));
    expect(codes(none)).toEqual([['VALIDATE_TYPE', '/spec/rules/0/validate']]);
    const two = issuesOf(clusterPolicy(rule('r', '    validate:\n      pattern: {a: b}\n      deny: {}\n')));
    expect(codes(two)).toEqual([['VALIDATE_TYPE', '/spec/rules/0/validate']]);
    expect(two[0]?.message).toContain('pattern and deny');
  });

  it('counts manifests only with attestors, as Kyverno does', () => {
    const body = '    validate:\n      manifests: {attestors: []}\n';
    expect(codes(issuesOf(clusterPolicy(rule('r', body))))).toEqual([['VALIDATE_TYPE', '/spec/rules/0/validate']]);
    const withAttestors = '    validate:\n      manifests: {attestors: [{entries: []}]}\n';
    expect(codes(issuesOf(clusterPolicy(rule('r', withAttestors))))).toEqual([]);
  });

  it('applies to every foreach entry, nested too', () => {
    const body = `    validate:
      foreach:
      - list: a
        pattern: {x: y}
        deny: {}
      - list: b
        foreach:
        - list: c
`;
    expect(codes(issuesOf(clusterPolicy(rule('r', body))))).toEqual([
      ['VALIDATE_TYPE', '/spec/rules/0/validate/foreach/0'],
      ['VALIDATE_TYPE', '/spec/rules/0/validate/foreach/1/foreach/0'],
    ]);
  });
});

describe('match and exclude', () => {
  it('refuse variables', () => {
    const match = `    match:\n      any:\n      - resources:\n          kinds: [Pod]\n          namespaces: ["{{ request.namespace }}"]\n`;
    const exclude = `    exclude:\n      any:\n      - resources:\n          names: ["{{request.object.metadata.name}}"]\n`;
    const issues = issuesOf(clusterPolicy(rule('r', exclude + DENY, match)));
    expect(codes(issues)).toEqual([
      ['MATCH_VARIABLE', '/spec/rules/0/match/any/0/resources/namespaces/0'],
      ['MATCH_VARIABLE', '/spec/rules/0/exclude/any/0/resources/names/0'],
    ]);
    expect(issues[0]?.message).toBe('variables are not allowed in match');
  });

  it('refuse kinds that cannot parse, accept group/version/kind/subresource forms', () => {
    const kinds = `    match:\n      any:\n      - resources:\n          kinds: [Pod, v1/Pod, apps/v1/Deployment, Pod/exec, "*/scale", "a/b/c/d/e", "", "Pod Disruption"]\n`;
    expect(codes(issuesOf(clusterPolicy(rule('r', DENY, kinds))))).toEqual([
      ['INVALID_KIND', '/spec/rules/0/match/any/0/resources/kinds/5'],
      ['INVALID_KIND', '/spec/rules/0/match/any/0/resources/kinds/6'],
      ['INVALID_KIND', '/spec/rules/0/match/any/0/resources/kinds/7'],
    ]);
  });
});

describe('background mode (the default)', () => {
  const userVar = '    validate:\n      deny:\n        conditions:\n        - key: "{{ request.userInfo.username }}"\n          operator: Equals\n          value: admin\n';

  it('refuses request.userInfo variables unless background is false', () => {
    const issues = issuesOf(clusterPolicy(rule('r', userVar)));
    expect(codes(issues)).toEqual([['BACKGROUND_USER_INFO', '/spec/rules/0/validate/deny/conditions/0/key']]);
    expect(issues[0]?.message).toContain('spec.background: false');
    expect(issuesOf(clusterPolicy(rule('r', userVar), '  background: false\n'))).toEqual([]);
  });

  it('refuses serviceAccountName, serviceAccountNamespace, request.roles and request.clusterRoles', () => {
    for (const v of ['serviceAccountName', 'serviceAccountNamespace', 'request.roles', 'request.clusterRoles']) {
      const body = userVar.replace('request.userInfo.username', v);
      expect(codes(issuesOf(clusterPolicy(rule('r', body))))).toEqual([
        ['BACKGROUND_USER_INFO', '/spec/rules/0/validate/deny/conditions/0/key'],
      ]);
    }
  });

  it('allows the same names as fields of the resource', () => {
    const body = userVar.replace('request.userInfo.username', 'request.object.spec.serviceAccountName');
    expect(issuesOf(clusterPolicy(rule('r', body)))).toEqual([]);
  });

  it('refuses roles, clusterRoles and subjects in match/exclude', () => {
    const match = `    match:\n      any:\n      - resources:\n          kinds: [Pod]\n        clusterRoles: [admin]\n`;
    const exclude = `    exclude:\n      subjects:\n      - {kind: User, name: bob}\n`;
    expect(codes(issuesOf(clusterPolicy(rule('r', exclude + DENY, match))))).toEqual([
      ['BACKGROUND_USER_INFO', '/spec/rules/0/match/any/0/clusterRoles'],
      ['BACKGROUND_USER_INFO', '/spec/rules/0/exclude/subjects'],
    ]);
    expect(issuesOf(clusterPolicy(rule('r', exclude + DENY, match), '  background: false\n'))).toEqual([]);
  });

  it('skips the variable check when a rule mutates existing resources, as Kyverno does', () => {
    const mutateExisting = `    mutate:\n      targets:\n      - {apiVersion: v1, kind: ConfigMap, name: c}\n      patchStrategicMerge:\n        metadata:\n          labels:\n            by: "{{ request.userInfo.username }}"\n`;
    expect(issuesOf(clusterPolicy(rule('r', mutateExisting)))).toEqual([]);
  });
});

describe('context entries', () => {
  it('warn on a repeated name within one list (Kyverno lets the later one win)', () => {
    const body = `    context:
    - {name: a, variable: {value: 1}}
    - {name: b, variable: {value: 2}}
    - {name: a, variable: {value: 3}}
${DENY}`;
    const issues = issuesOf(clusterPolicy(rule('r', body)));
    expect(issues).toMatchObject([{ code: 'DUPLICATE_CONTEXT_NAME', path: '/spec/rules/0/context/2/name', severity: 'warning' }]);
  });

  it('checks foreach context lists separately from the rule context', () => {
    const body = `    context:
    - {name: a, variable: {value: 1}}
    validate:
      foreach:
      - list: x
        context:
        - {name: a, variable: {value: 2}}
        - {name: a, variable: {value: 3}}
        deny: {}
`;
    expect(codes(issuesOf(clusterPolicy(rule('r', body))))).toEqual([
      ['DUPLICATE_CONTEXT_NAME', '/spec/rules/0/validate/foreach/0/context/1/name'],
    ]);
  });
});

describe('policy exceptions', () => {
  it('refuse variables in match and user info in background mode', () => {
    const exception = `apiVersion: kyverno.io/v2
kind: PolicyException
metadata: {name: x}
spec:
  exceptions: [{policyName: p, ruleNames: [r]}]
  match:
    any:
    - resources:
        names: ["{{ x }}"]
      roles: [admin]
`;
    expect(codes(issuesOf(exception))).toEqual([
      ['MATCH_VARIABLE', '/spec/match/any/0/resources/names/0'],
      ['BACKGROUND_USER_INFO', '/spec/match/any/0/roles'],
    ]);
  });
});

describe('podSecurity', () => {
  const pss = (body: string) => issuesOf(clusterPolicy(rule('pss', `    validate:\n      podSecurity:\n${body}`)));
  it('accepts latest, v1.x and well-formed excludes', () => {
    expect(codes(pss('        level: restricted\n        version: v1.29\n        exclude:\n        - controlName: Capabilities\n          images: ["nginx*"]\n'))).toEqual([]);
    expect(codes(pss('        level: baseline\n        version: latest\n'))).toEqual([]);
  });

  it('rejects a version that is not latest or v1.<minor>', () => {
    const issues = pss('        level: baseline\n        version: "1.29"\n');
    expect(codes(issues)).toEqual([['POD_SECURITY_VERSION', '/spec/rules/0/validate/podSecurity/version']]);
    expect(issues[0]?.message).toContain('"1.29"');
  });

  it('rejects excludes Kyverno rejects, naming the entry', () => {
    const noImages = pss('        level: restricted\n        exclude:\n        - controlName: Capabilities\n');
    expect(codes(noImages)).toEqual([['PSS_EXCLUDE_IMAGES_REQUIRED', '/spec/rules/0/validate/podSecurity/exclude/0/controlName']]);
    const restrictedOnBaseline = pss('        level: baseline\n        exclude:\n        - controlName: Running as Non-root\n');
    expect(codes(restrictedOnBaseline)).toEqual([['PSS_EXCLUDE_CONTROL_LEVEL', '/spec/rules/0/validate/podSecurity/exclude/0/controlName']]);
  });
});
