/**
 * The fast evaluator (rule.ts, issue #5) gives exactly the outcomes of the interpreter it replaced
 * (test-reference.ts): status, message, reason, exception and the failed checks with their field errors.
 * Specs: the podSecurity rules and PolicyException `podSecurity` entries of ../shared/conformance (when
 * present) plus every level and version with a pool of `exclude` entries; resources: generated pods (see
 * test-generate.ts) as Pods, Deployments and CronJobs, and the corpus' own resources. The test names
 * report how often the pass predicates answered alone.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluatePodSecurity, type PodSecurityException } from './rule.js';
import { generatePod, rng } from './test-generate.js';
import { referenceEvaluatePodSecurity } from './test-reference.js';
import type { Obj, PodSecurityExclude, PodSecurityRule } from './types.js';

const ROOT = process.env.GUARDRAIL_CONFORMANCE ?? fileURLToPath(new URL('../../../../shared/conformance', import.meta.url));

function corpus(): { specs: PodSecurityRule[]; excludes: PodSecurityExclude[][]; resources: Obj[] } {
  const out = { specs: [] as PodSecurityRule[], excludes: [] as PodSecurityExclude[][], resources: [] as Obj[] };
  if (!existsSync(ROOT)) return out;
  const dirs = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name) && readFileSync(p, 'utf8').includes('podSecurity')) dirs.add(dir);
    }
  };
  walk(ROOT);
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
      for (const d of parseAllDocuments(readFileSync(join(dir, name), 'utf8'))) {
        const doc = d.toJS() as { kind?: string; spec?: { rules?: Array<{ validate?: { podSecurity?: PodSecurityRule } }>; podSecurity?: PodSecurityExclude[] } } | null;
        if (!doc || typeof doc !== 'object') continue;
        for (const rule of doc.spec?.rules ?? []) if (rule.validate?.podSecurity) out.specs.push(rule.validate.podSecurity);
        if (doc.kind === 'PolicyException' && doc.spec?.podSecurity) out.excludes.push(doc.spec.podSecurity);
        if (['Pod', 'Deployment', 'CronJob', 'Job', 'StatefulSet', 'DaemonSet'].includes(doc.kind ?? '')) out.resources.push(doc as Obj);
      }
    }
  }
  return out;
}

const EXCLUDES: PodSecurityExclude[][] = [
  [{ controlName: 'Capabilities', images: ['ghcr.io/kyverno/test-nginx*', 'redis*'] }],
  [{ controlName: 'Host Namespaces' }, { controlName: 'HostPath Volumes', restrictedField: 'spec.volumes[*].hostPath', values: ['/var/lib1'] }],
  [{ controlName: 'Seccomp', images: ['nginx*'] }, { controlName: 'Seccomp' }],
  [{ controlName: 'Running as Non-root', images: ['*'] }, { controlName: 'Privilege Escalation', images: ['redis*', 'busybox'] }],
  [{ controlName: 'Capabilities', images: ['*'], restrictedField: 'spec.containers[*].securityContext.capabilities.add', values: ['SYS_ADMIN', 'CHOWN'] }],
  [{ controlName: 'SELinux', images: ['nginx:1.25'] }, { controlName: 'AppArmor' }, { controlName: 'Sysctls' }, { controlName: 'Volume Types' }],
  [{ controlName: 'no such control' }],
];
const VERSIONS = ['latest', '', 'v1.0', 'v1.8', 'v1.19', 'v1.22', 'v1.23', 'v1.25', 'v1.27', 'v1.29', 'v1.34', 'v1.99', '1.25'];
const LEVELS = ['baseline', 'restricted', 'privileged', 'strict'];

const data = corpus();
const specs: PodSecurityRule[] = [...data.specs];
for (const level of LEVELS) for (const version of VERSIONS) specs.push({ level, version });
for (const exclude of EXCLUDES) for (const level of ['baseline', 'restricted']) specs.push({ level, version: 'latest', exclude }, { level, version: 'v1.24', exclude });
const exceptionSets: PodSecurityException[][] = [[], ...[...data.excludes, ...EXCLUDES].map((podSecurity, i) => [{ key: `ns/ex-${i}`, podSecurity }])];
exceptionSets.push([{ key: 'a/one', podSecurity: EXCLUDES[0] ?? [] }, { key: 'b/two', podSecurity: EXCLUDES[1] ?? [] }]);

const wrap = (kind: string, pod: { metadata: Obj; spec: Obj }): Obj => {
  if (kind === 'Pod') return { apiVersion: 'v1', kind, ...pod };
  if (kind === 'CronJob') return { apiVersion: 'batch/v1', kind, metadata: { name: 'j' }, spec: { jobTemplate: { spec: { template: pod } } } };
  return { apiVersion: 'apps/v1', kind, metadata: { name: 'd' }, spec: { template: pod } };
};
const resources: Obj[] = [...data.resources];
const r = rng(11);
for (let i = 0; i < 400; i++) resources.push(wrap(['Pod', 'Deployment', 'CronJob', 'Service'][i % 4] as string, generatePod(r, [0, 0.05, 0.15, 0.4][i % 4] as number)));

describe('fast evaluator = reference interpreter', () => {
  it(`finds the corpus' podSecurity rules and exceptions (${data.specs.length} rules, ${data.excludes.length} exceptions, ${data.resources.length} resources)`, () => {
    if (!existsSync(ROOT)) return;
    expect(data.specs.length).toBeGreaterThan(0);
    expect(data.excludes.length).toBeGreaterThan(0);
  });

  let fast = 0;
  let total = 0;
  const pass = new Map<string, number>();
  for (const spec of specs) {
    for (const resource of resources) {
      total++;
      const out = evaluatePodSecurity('rule', spec, resource);
      if (Object.isFrozen(out)) fast++;
      pass.set(out.status, (pass.get(out.status) ?? 0) + 1);
    }
  }
  const counts = [...pass].map(([k, v]) => `${k} ${v}`).join(', ');
  it(`on ${specs.length} specs x ${resources.length} resources (${counts}; ${fast}/${total} answered by the pass predicates alone)`, () => {
    expect(fast).toBeGreaterThan(total / 10);
    expect(pass.get('fail') ?? 0).toBeGreaterThan(total / 10);
    for (const spec of specs) {
      for (const resource of resources) {
        const got = evaluatePodSecurity('rule', spec, resource);
        const want = referenceEvaluatePodSecurity('rule', spec, resource);
        if (JSON.stringify(got) !== JSON.stringify(want)) expect({ spec, resource, got }).toEqual({ spec, resource, got: want });
      }
    }
  });

  it(`with PolicyException podSecurity entries (${exceptionSets.length} sets)`, () => {
    let skipped = 0;
    for (const spec of specs.filter((s) => !s.exclude)) {
      for (const exceptions of exceptionSets) {
        for (const resource of resources.slice(0, 200)) {
          const got = evaluatePodSecurity('rule', spec, resource, exceptions);
          const want = referenceEvaluatePodSecurity('rule', spec, resource, exceptions);
          if (got.status === 'skip') skipped++;
          if (JSON.stringify(got) !== JSON.stringify(want)) expect({ spec, exceptions, resource, got }).toEqual({ spec, exceptions, resource, got: want });
        }
      }
    }
    expect(skipped).toBeGreaterThan(0);
  });
});
