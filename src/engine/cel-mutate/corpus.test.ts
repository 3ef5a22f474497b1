import { fileURLToPath } from 'node:url';
/**
 * Every MutatingPolicy / MutatingAdmissionPolicy case of the conformance corpus (kyverno-test.yaml files
 * with patchedResources): the test's resources go through the policy (with the test's bindings,
 * paramResources and values) and the mutated resource is compared with the expected one. Reports the
 * pass count; asserts a floor so that regressions show.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, test } from 'vitest';
import { buildResourceInput } from '../../testrun/resource-input.js';
import { createTestValues, emptyValues, type TestValues } from '../../testrun/values.js';
import { sameResource } from '../../testrun/compare-resources.js';
import { createOfflineHost } from '../../testrun/offline-host.js';
import type { JsonObject } from '../policy-types.js';
import type { ParamQuery } from '../cel-policies/index.js';
import { compileMutatingKinds, isMutatingHandler, isMutatingPolicyDocument } from './index.js';

// The corpus sits next to the repository (../shared/conformance), or where GUARDRAIL_CONFORMANCE says.
const ROOT = process.env.GUARDRAIL_CONFORMANCE ?? fileURLToPath(new URL('../../../../shared/conformance', import.meta.url));

function findTests(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name === 'kyverno-test.yaml') out.push(p);
  }
  return out;
}

const readDocs = (file: string): JsonObject[] =>
  parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS() as JsonObject).filter((d) => d && typeof d === 'object');
const meta = (d: JsonObject) => (d.metadata ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string> };

interface Case { file: string; policy: string; resource: string; expected: JsonObject | undefined; actual: JsonObject | undefined; note?: string }

function paramLookup(params: JsonObject[]) {
  return (q: ParamQuery) => params.filter((p) => p.kind === q.kind && p.apiVersion === q.apiVersion
    && (q.namespace === undefined || meta(p).namespace === q.namespace)
    && (q.name === undefined || meta(p).name === q.name)
    && Object.entries(q.selector?.matchLabels ?? {}).every(([k, v]) => meta(p).labels?.[k] === v));
}

function runFile(file: string): Case[] {
  const dir = dirname(file);
  const test = readDocs(file)[0] as JsonObject;
  const results = ((test.results ?? []) as JsonObject[]).filter((r) => r.patchedResources || r.patchedResource);
  const docs = ((test.policies ?? []) as string[]).flatMap((p) => readDocs(resolve(dir, p)));
  if (results.length === 0 || !docs.some(isMutatingPolicyDocument)) return [];
  const params = ((test.paramResources ?? []) as string[]).flatMap((p) => readDocs(resolve(dir, p)));
  const compiled = compileMutatingKinds(docs, { paramLookup: paramLookup(params) });
  const resources = ((test.resources ?? []) as string[]).flatMap((p) => readDocs(resolve(dir, p)));
  const valuesFile = (test.variables ?? test.values) as string | undefined;
  const values: TestValues = valuesFile && existsSync(resolve(dir, valuesFile)) ? createTestValues(readDocs(resolve(dir, valuesFile))[0]) : emptyValues;
  const cluster = ((test.clusterResources ?? []) as string[]).flatMap((p) => readDocs(resolve(dir, p)))
    .flatMap((d) => (d.kind === 'ClusterResource' ? (((d.spec as JsonObject | undefined)?.resources ?? []) as JsonObject[]) : [d]));
  const host = createOfflineHost({ objects: [...resources, ...cluster] });
  const deps = { now: () => new Date('2026-01-01T00:00:00Z'), values, celHost: host.celHost };
  const cases: Case[] = [];
  for (const r of results) {
    const handler = compiled.handlers.find((h) => h.name === r.policy);
    const expectedDocs = readDocs(resolve(dir, String(r.patchedResources ?? r.patchedResource)));
    const names = (r.resources as string[] | undefined) ?? resources.filter((d) => d.kind === r.kind).map((d) => String(meta(d).name));
    for (const name of names) {
      const short = name.slice(name.lastIndexOf('/') + 1);
      const expected = expectedDocs.find((d) => meta(d).name === short) ?? expectedDocs[0];
      const base = { file, policy: String(r.policy), resource: name, expected };
      const res = resources.find((d) => meta(d).name === short && d.kind === r.kind);
      if (!handler || !isMutatingHandler(handler) || !res) {
        cases.push({ ...base, actual: undefined, note: !res ? 'resource not among the test resources (targetResources?)' : 'policy not compiled' });
        continue;
      }
      const out = handler.mutate(buildResourceInput(res, values, {}, [handler.name]), deps);
      cases.push({ ...base, actual: out.patched ?? res, note: out.results.map((x) => `${x.status}: ${x.message}`).join('; ') });
    }
  }
  return cases;
}

describe('conformance corpus: MutatingPolicy / MutatingAdmissionPolicy', () => {
  test('patched resources match', { timeout: 60_000 }, () => {
    const cases = findTests(ROOT).flatMap(runFile);
    const failed = cases.filter((c) => c.actual === undefined || !sameResource(c.actual, c.expected));
    console.log(`cel-mutate corpus: ${cases.length - failed.length}/${cases.length} patched resources match`);
    for (const f of failed) console.log(`  FAIL ${f.file.replace(ROOT + '/', '')} ${f.policy} ${f.resource} (${f.note ?? ''})`);
    if (process.env.MUTATE_CORPUS_DEBUG) for (const f of failed) console.log(JSON.stringify({ expected: f.expected, actual: f.actual }));
    // 45 of 49 at the time of writing. The others: resource lookups for mutateExisting targets,
    // Kyverno's CLI `params.items` list for selector params, and two expectations that name another
    // pod (prepend-image-registry).
    expect(cases.length - failed.length).toBeGreaterThanOrEqual(45);
  });
});
