/**
 * evaluatePolicy against Kyverno's documented validate semantics
 * (https://kyverno.io/docs/writing-policies/validate/): message formats, pass/fail/skip/warn/error,
 * preconditions, failure actions and overrides, scored, applyRules One, existing violations on UPDATE.
 */
import { describe, expect, it } from 'vitest';
import { admitNow, buildPolicySet, compilePolicy, evaluatePolicy, inputFromResource, type CompiledPolicy, type EngineDeps, type JsonObject, type Rule } from './index.js';

const deps: EngineDeps = { now: () => new Date(Date.UTC(2025, 0, 1)) };

function pod(opts: { name?: string; namespace?: string; runAsNonRoot?: boolean; image?: string; labels?: Record<string, string> } = {}): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: opts.name ?? 'web', namespace: opts.namespace ?? 'shop', labels: opts.labels ?? { app: 'web' } },
    spec: {
      containers: [{ name: 'app', image: opts.image ?? 'nginx:1.25', securityContext: { runAsNonRoot: opts.runAsNonRoot ?? true } }],
    },
  };
}

const matchPods = { any: [{ resources: { kinds: ['Pod'] } }] };

function compile(rules: Rule[], spec: JsonObject = {}, annotations: Record<string, string> = {}): CompiledPolicy {
  const r = compilePolicy({
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'p', annotations: { 'pod-policies.kyverno.io/autogen-controllers': 'none', ...annotations } },
    spec: { rules, ...spec },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.policy;
}

const nonRoot: Rule = {
  name: 'run-as-non-root',
  match: matchPods,
  validate: { message: 'Running as root is not allowed', pattern: { spec: { containers: [{ securityContext: { runAsNonRoot: true } }] } } },
};

describe('pattern rules', () => {
  it('passes with Kyverno\'s pass message', async () => {
    const [r] = await evaluatePolicy(compile([nonRoot]), inputFromResource(pod()), deps);
    expect(r).toMatchObject({ policy: 'p', rule: 'run-as-non-root', status: 'pass', message: "validation rule 'run-as-non-root' passed.", ruleType: 'validation' });
  });

  it('fails with "validation error: <msg>. rule <name> failed at path /a/b/" and a JSON pointer path', async () => {
    const [r] = await evaluatePolicy(compile([nonRoot]), inputFromResource(pod({ runAsNonRoot: false })), deps);
    expect(r?.status).toBe('fail');
    expect(r?.message).toBe('validation error: Running as root is not allowed. rule run-as-non-root failed at path /spec/containers/0/securityContext/runAsNonRoot/');
    expect(r?.path).toBe('/spec/containers/0/securityContext/runAsNonRoot');
  });

  it('does not double the full stop of a message that ends with one, and omits an absent message', async () => {
    const dotted = { ...nonRoot, validate: { ...nonRoot.validate, message: 'No root.' } };
    const bare = { ...nonRoot, validate: { pattern: nonRoot.validate!.pattern } };
    const input = inputFromResource(pod({ runAsNonRoot: false }));
    expect((await evaluatePolicy(compile([dotted]), input, deps))[0]?.message).toBe('validation error: No root. rule run-as-non-root failed at path /spec/containers/0/securityContext/runAsNonRoot/');
    expect((await evaluatePolicy(compile([bare]), input, deps))[0]?.message).toBe('validation error: rule run-as-non-root failed at path /spec/containers/0/securityContext/runAsNonRoot/');
  });

  it('substitutes variables in the message', async () => {
    const rule = { ...nonRoot, validate: { ...nonRoot.validate, message: 'Pod {{request.object.metadata.name}} runs as root' } };
    const [r] = await evaluatePolicy(compile([rule]), inputFromResource(pod({ runAsNonRoot: false })), deps);
    expect(r?.message).toMatch(/^validation error: Pod web runs as root\. rule run-as-non-root failed at path /);
  });

  it('does not apply to a resource the rule does not match (no result at all)', async () => {
    const rule = { ...nonRoot, match: { any: [{ resources: { kinds: ['Deployment'] } }] } };
    expect(await evaluatePolicy(compile([rule]), inputFromResource(pod()), deps)).toEqual([]);
  });

  it('skips patterns on DELETE (the object is gone)', async () => {
    const input = inputFromResource(pod({ runAsNonRoot: false }), { operation: 'DELETE' });
    expect(await evaluatePolicy(compile([nonRoot]), input, deps)).toEqual([]);
  });
});

describe('anyPattern', () => {
  const rule: Rule = {
    name: 'any',
    match: matchPods,
    validate: {
      message: 'Need a label',
      anyPattern: [{ metadata: { labels: { app: 'api' } } }, { metadata: { labels: { tier: '?*' } } }],
    },
  };

  it('passes when one pattern passes, naming the index', async () => {
    const [r] = await evaluatePolicy(compile([rule]), inputFromResource(pod({ labels: { tier: 'front' } })), deps);
    expect(r).toMatchObject({ status: 'pass', message: "validation rule 'any' anyPattern[1] passed." });
  });

  it('fails listing every pattern\'s failure path', async () => {
    const [r] = await evaluatePolicy(compile([rule]), inputFromResource(pod({ labels: { app: 'web' } })), deps);
    expect(r?.status).toBe('fail');
    expect(r?.message).toBe('validation error: Need a label. rule any[0] failed at path /metadata/labels/app/ rule any[1] failed at path /metadata/labels/tier/');
  });
});

describe('deny', () => {
  const deny = (message?: string): Rule => ({
    name: 'no-latest',
    match: matchPods,
    validate: {
      ...(message !== undefined ? { message } : {}),
      deny: { conditions: { any: [{ key: "{{ ends_with(request.object.spec.containers[0].image, ':latest') }}", operator: 'Equals', value: true }] } },
    },
  });

  it('fails with the message itself when the conditions hold', async () => {
    const [r] = await evaluatePolicy(compile([deny('Image {{request.object.spec.containers[0].image}} uses latest')]), inputFromResource(pod({ image: 'nginx:latest' })), deps);
    expect(r).toMatchObject({ status: 'fail', message: 'Image nginx:latest uses latest' });
  });

  it('fails with "validation error: rule <name> failed" without a message', async () => {
    const [r] = await evaluatePolicy(compile([deny()]), inputFromResource(pod({ image: 'nginx:latest' })), deps);
    expect(r?.message).toBe('validation error: rule no-latest failed');
  });

  it('passes when the conditions do not hold', async () => {
    const [r] = await evaluatePolicy(compile([deny('x')]), inputFromResource(pod()), deps);
    expect(r).toMatchObject({ status: 'pass', message: "validation rule 'no-latest' passed." });
  });
});

describe('preconditions', () => {
  const rule = (value: string): Rule => ({
    ...nonRoot,
    preconditions: { all: [{ key: '{{ request.object.metadata.namespace }}', operator: 'Equals', value }] },
  });

  it('skip the rule when not met, with the reason', async () => {
    const [r] = await evaluatePolicy(compile([rule('prod')]), inputFromResource(pod({ runAsNonRoot: false })), deps);
    expect(r).toMatchObject({ status: 'skip', message: 'preconditions not met', reason: 'PRECONDITIONS_NOT_MET' });
  });

  it('let the validation run when met', async () => {
    const [r] = await evaluatePolicy(compile([rule('shop')]), inputFromResource(pod({ runAsNonRoot: false })), deps);
    expect(r?.status).toBe('fail');
  });
});

describe('failure action, overrides and scored', () => {
  const bad = inputFromResource(pod({ runAsNonRoot: false }));

  it('defaults to Audit and takes the policy-level validationFailureAction (case-insensitive)', async () => {
    expect((await evaluatePolicy(compile([nonRoot]), bad, deps))[0]?.action).toBe('Audit');
    expect((await evaluatePolicy(compile([nonRoot], { validationFailureAction: 'enforce' }), bad, deps))[0]?.action).toBe('Enforce');
  });

  it('rule-level failureAction wins over the policy action', async () => {
    const rule = { ...nonRoot, validate: { ...nonRoot.validate, failureAction: 'Enforce' as const } };
    expect((await evaluatePolicy(compile([rule], { validationFailureAction: 'Audit' }), bad, deps))[0]?.action).toBe('Enforce');
  });

  it('an override for the namespace (wildcards allowed) wins; other namespaces keep the default', async () => {
    const p = compile([nonRoot], { validationFailureAction: 'Enforce', validationFailureActionOverrides: [{ action: 'Audit', namespaces: ['sh*'] }] });
    expect((await evaluatePolicy(p, bad, deps))[0]?.action).toBe('Audit');
    const other = inputFromResource(pod({ runAsNonRoot: false, namespace: 'prod' }));
    expect((await evaluatePolicy(p, other, deps))[0]?.action).toBe('Enforce');
  });

  it('an override by namespaceSelector uses the request\'s namespace labels', async () => {
    const p = compile([nonRoot], { validationFailureAction: 'Audit', validationFailureActionOverrides: [{ action: 'Enforce', namespaceSelector: { matchLabels: { env: 'prod' } } }] });
    const labelled = inputFromResource(pod({ runAsNonRoot: false }), { namespaceLabels: { env: 'prod' } });
    expect((await evaluatePolicy(p, labelled, deps))[0]?.action).toBe('Enforce');
    expect((await evaluatePolicy(p, bad, deps))[0]?.action).toBe('Audit');
  });

  it('policies.kyverno.io/scored: "false" reports a failure as warn', async () => {
    const [r] = await evaluatePolicy(compile([nonRoot], {}, { 'policies.kyverno.io/scored': 'false' }), bad, deps);
    expect(r?.status).toBe('warn');
    expect(r?.message).toMatch(/^validation error: /);
  });

  it('the guardrail.dev/fix annotation reaches the result; the per-rule one wins', async () => {
    const p = compile([nonRoot], {}, { 'guardrail.dev/fix': 'general', 'guardrail.dev/fix.run-as-non-root': 'set runAsNonRoot: true' });
    expect((await evaluatePolicy(p, bad, deps))[0]?.fix).toBe('set runAsNonRoot: true');
  });
});

describe('applyRules', () => {
  const second: Rule = { name: 'second', match: matchPods, validate: { pattern: { metadata: { name: '?*' } } } };

  it('All evaluates every rule', async () => {
    const rs = await evaluatePolicy(compile([nonRoot, second]), inputFromResource(pod()), deps);
    expect(rs.map((r) => r.rule)).toEqual(['run-as-non-root', 'second']);
  });

  it('One stops after the first rule that passes or fails', async () => {
    const rs = await evaluatePolicy(compile([nonRoot, second], { applyRules: 'One' }), inputFromResource(pod({ runAsNonRoot: false })), deps);
    expect(rs.map((r) => `${r.rule}:${r.status}`)).toEqual(['run-as-non-root:fail']);
  });

  it('One goes on past a skipped rule', async () => {
    const skipped = { ...nonRoot, preconditions: { all: [{ key: 'a', operator: 'Equals', value: 'b' }] } };
    const rs = await evaluatePolicy(compile([skipped, second], { applyRules: 'One' }), inputFromResource(pod()), deps);
    expect(rs.map((r) => `${r.rule}:${r.status}`)).toEqual(['run-as-non-root:skip', 'second:pass']);
  });
});

describe('UPDATE and allowExistingViolations', () => {
  const badPod = pod({ runAsNonRoot: false });

  it('skips when the old object already failed the same rule (default true)', async () => {
    const input = inputFromResource(badPod, { operation: 'UPDATE', oldObject: pod({ runAsNonRoot: false }) });
    const [r] = await evaluatePolicy(compile([nonRoot]), input, deps);
    expect(r).toMatchObject({ status: 'skip', reason: 'EXISTING_VIOLATION' });
  });

  it('fails when the update introduces the violation', async () => {
    const input = inputFromResource(badPod, { operation: 'UPDATE', oldObject: pod() });
    expect((await evaluatePolicy(compile([nonRoot]), input, deps))[0]?.status).toBe('fail');
  });

  it('fails an existing violation when allowExistingViolations is false', async () => {
    const rule = { ...nonRoot, validate: { ...nonRoot.validate, allowExistingViolations: false } };
    const input = inputFromResource(badPod, { operation: 'UPDATE', oldObject: pod({ runAsNonRoot: false }) });
    expect((await evaluatePolicy(compile([rule]), input, deps))[0]?.status).toBe('fail');
  });
});

describe('errors stay at the rule boundary', () => {
  it('an unsupported validate type is an error result, and the next rule still runs', async () => {
    const pss: Rule = { name: 'pss', match: matchPods, validate: { manifests: { attestors: [] } } };
    const second: Rule = { name: 'second', match: matchPods, validate: { pattern: { metadata: { name: '?*' } } } };
    const rs = await evaluatePolicy(compile([pss, second]), inputFromResource(pod()), deps);
    expect(rs.map((r) => `${r.rule}:${r.status}`)).toEqual(['pss:error', 'second:pass']);
  });

  it('a rule with neither pattern, anyPattern, deny nor foreach is an error, not a throw', async () => {
    const empty: Rule = { name: 'empty', match: matchPods, validate: { message: 'x' } };
    const [r] = await evaluatePolicy(compile([empty]), inputFromResource(pod()), deps);
    expect(r).toMatchObject({ status: 'error', reason: 'INVALID_RULE' });
  });
});

describe('context entries in a rule', () => {
  const rule: Rule = {
    name: 'allowed-registry',
    match: matchPods,
    context: [
      { name: 'cfg', configMap: { name: 'registries', namespace: 'guardrail' } },
      { name: 'image', variable: { jmesPath: 'request.object.spec.containers[0].image', default: '' } },
    ],
    validate: {
      message: '{{ image }} is not from {{ cfg.data.allowed }}',
      deny: { conditions: { all: [{ key: "{{ starts_with(image, cfg.data.allowed) }}", operator: 'Equals', value: false }] } },
    },
  };

  it('reads a ConfigMap through the injected lookup and uses it in conditions and message', async () => {
    const withCm: EngineDeps = {
      ...deps,
      getConfigMap: async (ns, name) => (ns === 'guardrail' && name === 'registries' ? { data: { allowed: 'registry.example.com/' } } : undefined),
    };
    const [r] = await evaluatePolicy(compile([rule]), inputFromResource(pod({ image: 'nginx:1.25' })), withCm);
    expect(r).toMatchObject({ status: 'fail', message: 'nginx:1.25 is not from registry.example.com/' });
    const [ok] = await evaluatePolicy(compile([rule]), inputFromResource(pod({ image: 'registry.example.com/app:1' })), withCm);
    expect(ok?.status).toBe('pass');
  });

  it('a context entry that cannot load makes the rule an error, not a pass', async () => {
    const [r] = await evaluatePolicy(compile([rule]), inputFromResource(pod()), deps);
    expect(r).toMatchObject({ status: 'error', reason: 'CONTEXT_LOAD_FAILED' });
    expect(r?.message).toContain('guardrail/registries');
  });
});


describe('rules with a variable context', () => {
  it('are answered without waiting (admitNow returns the outcome itself), with the variable substituted', () => {
    const set = buildPolicySet([
      {
        apiVersion: 'kyverno.io/v1',
        kind: 'ClusterPolicy',
        metadata: { name: 'p', annotations: { 'pod-policies.kyverno.io/autogen-controllers': 'none' } },
        spec: {
          rules: [
            {
              name: 'team-label',
              match: matchPods,
              context: [{ name: 'team', variable: { value: 'payments' } }],
              validate: { message: 'label team must be {{ team }}', pattern: { metadata: { labels: { team: '{{ team }}' } } } },
            },
          ],
        },
      },
    ]);
    const out = admitNow(set, inputFromResource(pod({ labels: { team: 'search' } })), deps);
    expect(out).not.toBeInstanceOf(Promise);
    const [result] = (out as Awaited<typeof out>).responses[0]?.results ?? [];
    expect(result).toMatchObject({ status: 'fail', message: 'validation error: label team must be payments. rule team-label failed at path /metadata/labels/team/' });
  });
});
