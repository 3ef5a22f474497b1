/**
 * podSecurity rules through the engine (https://kyverno.io/docs/writing-policies/validate/#pod-security):
 * Kyverno's pass/fail messages, autogen for Deployments and CronJobs, preconditions, DELETE, bad versions,
 * and PolicyExceptions with `podSecurity` (https://kyverno.io/docs/writing-policies/exceptions/#pod-security-exemptions).
 */
import { describe, expect, it } from 'vitest';
import { evaluatePodSecurityRule } from './rule-handler.js';
import { buildPolicySet, compilePolicy, evaluatePolicy, evaluatePolicySet, inputFromResource, type EngineDeps, type JsonObject, type KyvernoPolicy, type Rule } from '../index.js';

const deps: EngineDeps = { now: () => new Date(Date.UTC(2025, 0, 1)) };
const podSpec = (sc: JsonObject = {}): JsonObject => ({ containers: [{ name: 'nginx', image: 'nginx:1.25', securityContext: sc }] });
const pod = (spec: JsonObject, name = 'web', namespace = 'shop'): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec });
const good = { allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, capabilities: { drop: ['ALL'] } };

function policy(rule: Partial<Rule> & { validate: Rule['validate'] }, name = 'psa'): JsonObject {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name },
    spec: { validationFailureAction: 'Enforce', rules: [{ name: 'restricted', match: { any: [{ resources: { kinds: ['Pod'] } }] }, ...rule }] },
  };
}

async function run(p: JsonObject, resource: JsonObject, opts: Parameters<typeof inputFromResource>[1] = {}) {
  const compiled = compilePolicy(p as unknown as KyvernoPolicy);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return evaluatePolicy(compiled.policy, inputFromResource(resource, opts), deps);
}

const restricted = policy({ validate: { podSecurity: { level: 'restricted', version: 'latest' } } });

describe('messages', () => {
  it('pass', async () => {
    expect((await run(restricted, pod(podSpec(good))))[0]).toMatchObject({ status: 'pass', message: "Validation rule 'restricted' passed." });
  });

  it('fail lists each failed check with its field errors, as Kyverno prints them', async () => {
    const [r] = await run(restricted, pod(podSpec({ ...good, privileged: true, capabilities: undefined })));
    expect(r?.status).toBe('fail');
    expect(r?.action).toBe('Enforce');
    expect(r?.message).toBe(
      'Validation rule \'restricted\' failed. It violates PodSecurity "restricted:latest": ' +
        '(Forbidden reason: unrestricted capabilities, field error list: [spec.containers[0].securityContext.capabilities.drop: Required value])' +
        '(Forbidden reason: privileged, field error list: [spec.containers[0].securityContext.privileged is forbidden, forbidden values found: true])',
    );
  });

  it('matches the message Kyverno prints for a kube-proxy-like pod (pkg/event TestMessageLength)', async () => {
    const p = policy({ name: 'baseline', validate: { podSecurity: { level: 'restricted', version: 'latest' } } });
    const spec = {
      hostNetwork: true,
      volumes: [{ name: 'cfg', configMap: { name: 'kube-proxy' } }, { name: 'xtables', hostPath: { path: '/run/xtables.lock' } }, { name: 'modules', hostPath: { path: '/lib/modules' } }],
      containers: [{ name: 'kube-proxy', image: 'kube-proxy', securityContext: { privileged: true } }],
    };
    const [r] = await run(p, pod(spec));
    expect(r?.message).toBe(
      'Validation rule \'baseline\' failed. It violates PodSecurity "restricted:latest": (Forbidden reason: allowPrivilegeEscalation != false, field error list: [spec.containers[0].securityContext.allowPrivilegeEscalation is forbidden, forbidden values found: nil])(Forbidden reason: unrestricted capabilities, field error list: [spec.containers[0].securityContext.capabilities.drop: Required value])(Forbidden reason: host namespaces, field error list: [spec.hostNetwork is forbidden, forbidden values found: true])(Forbidden reason: hostPath volumes, field error list: [spec.volumes[1].hostPath is forbidden, forbidden values found: /run/xtables.lock, spec.volumes[2].hostPath is forbidden, forbidden values found: /lib/modules])(Forbidden reason: privileged, field error list: [spec.containers[0].securityContext.privileged is forbidden, forbidden values found: true])(Forbidden reason: restricted volume types, field error list: [spec.volumes[1].hostPath: Forbidden, spec.volumes[2].hostPath: Forbidden])(Forbidden reason: runAsNonRoot != true, field error list: [spec.containers[0].securityContext.runAsNonRoot: Required value])(Forbidden reason: seccompProfile, field error list: [spec.containers[0].securityContext.seccompProfile.type: Required value])',
    );
  });

  it('an invalid version is an error', async () => {
    const bad = policy({ validate: { podSecurity: { level: 'baseline', version: '1.25' } } });
    expect((await run(bad, pod(podSpec())))[0]).toMatchObject({ status: 'error' });
  });
});

describe('autogen', () => {
  const template = (sc: JsonObject) => ({ metadata: { labels: { app: 'web' } }, spec: podSpec(sc) });
  const deployment = (sc: JsonObject): JsonObject => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: template(sc) },
  });
  const cronJob = (sc: JsonObject): JsonObject => ({
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'job', namespace: 'shop' },
    spec: { schedule: '* * * * *', jobTemplate: { spec: { template: template(sc) } } },
  });

  it('a Deployment is checked through its pod template, with fields under spec.template', async () => {
    const [r] = await run(restricted, deployment({ ...good, runAsNonRoot: false }));
    expect(r?.rule).toBe('autogen-restricted');
    expect(r?.status).toBe('fail');
    expect(r?.message).toContain('spec.template.spec.containers[0].securityContext.runAsNonRoot is forbidden, forbidden values found: false');
    expect((await run(restricted, deployment(good)))[0]).toMatchObject({ rule: 'autogen-restricted', status: 'pass' });
  });

  it('a CronJob is checked through spec.jobTemplate.spec.template', async () => {
    const [r] = await run(restricted, cronJob({ ...good, allowPrivilegeEscalation: true }));
    expect(r?.rule).toBe('autogen-cronjob-restricted');
    expect(r?.status).toBe('fail');
    expect(r?.message).toContain('spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation is forbidden');
    expect((await run(restricted, cronJob(good)))[0]).toMatchObject({ rule: 'autogen-cronjob-restricted', status: 'pass' });
  });

  it('the exclude list is carried into the generated rules', async () => {
    const p = policy({ validate: { podSecurity: { level: 'restricted', version: 'latest', exclude: [{ controlName: 'Privilege Escalation', images: ['nginx*'] }] } } });
    expect((await run(p, deployment({ ...good, allowPrivilegeEscalation: true })))[0]?.status).toBe('pass');
    expect((await run(p, cronJob({ ...good, allowPrivilegeEscalation: true })))[0]?.status).toBe('pass');
  });
});

describe('around the checks', () => {
  it('preconditions are checked first', async () => {
    const p = policy({
      preconditions: { all: [{ key: '{{ request.object.metadata.namespace }}', operator: 'Equals', value: 'prod' }] },
      validate: { podSecurity: { level: 'restricted', version: 'latest' } },
    });
    expect((await run(p, pod(podSpec())))[0]).toMatchObject({ status: 'skip', reason: 'PRECONDITIONS_NOT_MET' });
  });

  it('DELETE requests produce no result', async () => {
    expect(await run(restricted, pod(podSpec()), { operation: 'DELETE' })).toEqual([]);
  });

  it('a rule without context entries is answered synchronously; one with them after loading', async () => {
    const rule = { name: 'r', match: {}, validate: { podSecurity: { level: 'restricted', version: 'latest' } } } as unknown as Rule;
    const input = inputFromResource(pod(podSpec(good)));
    const inputs = { data: {}, deps, env: deps, overrides: {} };
    const now = evaluatePodSecurityRule(rule, input, inputs);
    expect(now).not.toBeInstanceOf(Promise);
    expect(now).toMatchObject({ status: 'pass' });
    const withContext = { ...rule, context: [{ name: 'x', variable: { value: 1 } }] } as unknown as Rule;
    const later = evaluatePodSecurityRule(withContext, input, inputs);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toMatchObject({ status: 'pass' });
  });
});

describe('PolicyException with podSecurity', () => {
  const baseline = policy({ name: 'baseline', validate: { podSecurity: { level: 'baseline', version: 'latest' } } });
  const exception = (podSecurity: JsonObject[], namespaces = ['staging']): JsonObject => ({
    apiVersion: 'kyverno.io/v2',
    kind: 'PolicyException',
    metadata: { name: 'hostpath', namespace: 'kyverno' },
    spec: {
      exceptions: [{ policyName: 'psa', ruleNames: ['baseline'] }],
      match: { any: [{ resources: { namespaces } }] },
      podSecurity,
    },
  });
  const hostPath = (ns: string, extra: JsonObject = {}) =>
    pod({ volumes: [{ name: 'h', hostPath: { path: '/var/lib1' } }], containers: [{ name: 'nginx', image: 'nginx' }], ...extra }, 'p', ns);
  const hostPathEx = [{ controlName: 'HostPath Volumes', restrictedField: 'spec.volumes[*].hostPath', values: ['/var/lib1'] }];

  async function evaluate(ex: JsonObject, resource: JsonObject) {
    const [resp] = await evaluatePolicySet(buildPolicySet([baseline, ex]), inputFromResource(resource), deps);
    return resp?.results[0];
  }

  it('skips, naming the exception, when its exclusions leave nothing', async () => {
    expect(await evaluate(exception(hostPathEx), hostPath('staging'))).toMatchObject({ status: 'skip', reason: 'EXCEPTION', exception: 'kyverno/hostpath' });
  });

  it('does nothing where it does not match', async () => {
    expect((await evaluate(exception(hostPathEx), hostPath('default')))?.status).toBe('fail');
  });

  it('fails on what it does not exempt', async () => {
    const r = await evaluate(exception(hostPathEx), hostPath('staging', { hostPID: true }));
    expect(r?.status).toBe('fail');
    expect(r?.message).toContain('Forbidden reason: host namespaces');
    expect(r?.message).not.toContain('hostPath volumes');
  });

  it('a passing pod passes, not skips', async () => {
    expect((await evaluate(exception(hostPathEx), pod(podSpec(), 'p', 'staging')))?.status).toBe('pass');
  });
});

describe('several PolicyExceptions', () => {
  const p = policy({ name: 'baseline', validate: { podSecurity: { level: 'baseline', version: 'v1.29' } } });
  const ex = (name: string, image: string, values: string[]): JsonObject => ({
    apiVersion: 'kyverno.io/v2',
    kind: 'PolicyException',
    metadata: { name },
    spec: {
      exceptions: [{ policyName: 'psa', ruleNames: ['baseline'] }],
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      podSecurity: [{ controlName: 'Capabilities', images: [image], restrictedField: 'spec.initContainers[*].securityContext.capabilities.add', values }],
    },
  });
  const init = (name: string, image: string, add: string[]) => ({ name, image, securityContext: { ...good, capabilities: { add, drop: ['ALL'] } } });
  // The scenario of Kyverno's Test_PSS_PolicyExceptions_Skip: each exception covers one init container.
  const resource = pod({ containers: [{ name: 'primary', image: 'alpine:latest', securityContext: good }], initContainers: [init('init1', 'alpine:latest', ['NET_ADMIN', 'NET_RAW']), init('init2', 'busybox:latest', ['SYS_TIME'])] });

  it('together exempt what none exempts alone', async () => {
    const both = [ex('init1', 'alpine:latest', ['NET_ADMIN', 'NET_RAW']), ex('init2', 'busybox:latest', ['SYS_TIME'])];
    const [resp] = await evaluatePolicySet(buildPolicySet([p, ...both]), inputFromResource(resource), deps);
    expect(resp?.results[0]).toMatchObject({ status: 'skip', message: 'rule is skipped due to policy exceptions init1, init2' });
    const [one] = await evaluatePolicySet(buildPolicySet([p, both[0] as JsonObject]), inputFromResource(resource), deps);
    expect(one?.results[0]?.status).toBe('fail');
  });
});

describe('existing violations on UPDATE', () => {
  const bad = pod(podSpec({ ...good, privileged: true }));

  it('an Enforce rule skips when the old object failed too', async () => {
    const [r] = await run(restricted, bad, { operation: 'UPDATE', oldObject: bad });
    expect(r).toMatchObject({ status: 'skip', reason: 'EXISTING_VIOLATION' });
  });

  it('fails when the old object passed, or when allowExistingViolations is false', async () => {
    expect((await run(restricted, bad, { operation: 'UPDATE', oldObject: pod(podSpec(good)) }))[0]?.status).toBe('fail');
    const strict = policy({ validate: { allowExistingViolations: false, podSecurity: { level: 'restricted', version: 'latest' } } });
    expect((await run(strict, bad, { operation: 'UPDATE', oldObject: bad }))[0]?.status).toBe('fail');
  });
});
