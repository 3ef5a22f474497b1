/**
 * Runs one Kyverno test file: loads its policies, resources, values, user info and exceptions, evaluates
 * every policy against every resource through the shared engine, and compares each expected result.
 * Comparison follows `kyverno test`: a rule named in the test matches `name`, `autogen-name` or
 * `autogen-cronjob-name`; a resource is `name` or `namespace/name`.
 */
import path from 'node:path';
import {
  buildPolicySet,
  admit,
  type AdmissionInput,
  type JsonObject,
  type PolicyResponse,
  type PolicySet,
  type PolicySetOptions,
} from '../engine/index.js';
import type { CelEngineDeps } from '../policies-engine.js';
import { sameResource } from './compare-resources.js';
import { runMutateExisting, targetKey } from './mutate-existing.js';
import { findRule, ruleFeature } from './feature.js';
import { readJsonPayloads, resultRefs } from './json-payloads.js';
import { createParamLookup } from '../engine/cel-policies/index.js';
import { createOfflineHost } from './offline-host.js';
import { forOperation, operationSubjects } from './operations.js';
import { buildResourceInput } from './resource-input.js';
import { readDocs, readOneDoc, readPolicyDocs } from './read-docs.js';
import type { ActualResult, TestResultSpec, TestRow, TestSpec } from './types.js';
import { createTestValues, emptyValues, type TestValues } from './values.js';

export interface RunTestOptions {
  now?: () => Date;
  policySetOptions?: PolicySetOptions;
}

interface Evaluated {
  resource: JsonObject;
  responses: PolicyResponse[];
  /** The resource after each policy's mutations. */
  byPolicy: Array<{ policy: string; resource: JsonObject | null }>;
}

export async function runTestFile(
  testFile: string,
  displayName: string,
  opts: RunTestOptions = {},
): Promise<{ rows: TestRow[]; problems: string[] }> {
  const dir = path.dirname(testFile);
  const { doc, problems } = await readOneDoc(path.basename(testFile), dir);
  if (!doc) return { rows: [], problems: problems.length ? problems : ['empty test file'] };
  const test = doc as TestSpec;
  const pol = await readPolicyDocs(test.policies ?? [], dir);
  const res = await readDocs(test.resources ?? [], dir);
  const exc = await readDocs(test.exceptions ?? [], dir);
  const payloads = await readJsonPayloads(test.jsonPayloads ?? [], dir);
  problems.push(...pol.problems, ...res.problems, ...exc.problems, ...payloads.problems);
  let values: TestValues = emptyValues;
  // Values `namespaces`: Namespace objects the CEL kinds see as namespaceObject and through `resource`.
  const valueNamespaces: JsonObject[] = [];
  if (test.variables) {
    const v = await readOneDoc(test.variables, dir);
    problems.push(...v.problems);
    values = createTestValues(v.doc);
    if (Array.isArray(v.doc?.namespaces)) valueNamespaces.push(...(v.doc.namespaces as JsonObject[]));
  }
  let userInfo: JsonObject = {};
  if (test.userinfo) {
    const u = await readOneDoc(test.userinfo, dir);
    problems.push(...u.problems);
    userInfo = u.doc ?? {};
  }
  const cluster = await readDocs(test.clusterResources ?? [], dir, { unwrap: true });
  problems.push(...cluster.problems);
  const contextObjects: JsonObject[] = [];
  const contextImages: JsonObject[] = [];
  if (test.context) {
    const c = await readOneDoc(test.context, dir);
    problems.push(...c.problems);
    const spec = (c.doc?.spec ?? {}) as { resources?: JsonObject[]; images?: JsonObject[] };
    contextObjects.push(...(spec.resources ?? []));
    contextImages.push(...(spec.images ?? []));
  }
  const built = buildPolicySet([...pol.docs, ...exc.docs], opts.policySetOptions);
  const set: PolicySet = { ...built, rejected: [...built.rejected, ...pol.rejected] };
  const host = createOfflineHost({
    objects: [...res.docs, ...cluster.docs, ...contextObjects, ...valueNamespaces],
    ...(Array.isArray(test.apiCallResponses) ? { apiCallResponses: test.apiCallResponses } : {}),
    ...(Array.isArray(test.globalContextEntries) ? { globalContextEntries: test.globalContextEntries } : {}),
    images: contextImages,
  });
  const params = await readDocs(test.paramResources ?? [], dir);
  problems.push(...params.problems);
  const deps: CelEngineDeps = {
    now: opts.now ?? (() => new Date()),
    values,
    ...host,
    ...(params.docs.length > 0 ? { paramLookup: createParamLookup(params.docs) } : {}),
  };
  const evaluated: Evaluated[] = [];
  const triggers: Array<{ resource: JsonObject; input: AdmissionInput }> = [];
  const policyNames = [...set.classic.map((p) => p.name), ...set.handlers.map((h) => h.name)];
  const subjects = [
    ...res.docs.map((resource) => ({ resource, input: buildResourceInput(resource, values, userInfo, policyNames) })),
    ...operationSubjects(test.results ?? [], res.docs, (resource, operation) => buildResourceInput(resource, values, userInfo, policyNames, { operation })),
    ...payloads.subjects,
  ];
  for (const { resource, input } of subjects) {
    triggers.push({ resource, input });
    const out = await admit(set, input, deps);
    evaluated.push({ resource, responses: out.responses, byPolicy: out.byPolicy });
  }
  const policyDocs = new Map(pol.docs.map((d) => [String((d.metadata as JsonObject | undefined)?.name ?? ''), d]));
  const rows: TestRow[] = [];
  const patchedDocs = await readPatched(test.results ?? [], dir, problems);
  const targetDocs = await readDocs(test.targetResources ?? [], dir);
  problems.push(...targetDocs.problems);
  const existing = await runMutateExisting(set, triggers, targetDocs.docs, deps);
  for (const [key, { policy, resource }] of existing) {
    const prior = evaluated.find((e) => targetKey(e.resource) === key && e.resource.kind === resource.kind);
    const entry = { policy, resource };
    if (prior) prior.byPolicy.push(entry);
    else {
      const rule = policyRuleOf(set, policy);
      evaluated.push({
        resource,
        responses: [{ policy, kind: 'ClusterPolicy', results: [{ policy, rule, status: 'pass', message: 'mutated existing resource', ruleType: 'mutation' }] }],
        byPolicy: [entry],
      });
    }
  }
  for (const spec of test.results ?? []) {
    for (const resourceRef of resultRefs(spec, payloads.subjects)) {
      const row = compare(displayName, spec, resourceRef, evaluated, policyDocs, set.unsupported.map((u) => u.name), set.rejected);
      rows.push(checkPatched(row, spec, resourceRef, evaluated, patchedDocs));
    }
  }
  return { rows, problems };
}

function resourceMatches(resource: JsonObject, kind: string, ref: string, namespace: string | undefined): boolean {
  if (kind && resource.kind !== kind) return false; // `kind: ""` names resources of any kind
  const meta = (resource.metadata ?? {}) as JsonObject;
  const slash = ref.indexOf('/');
  const name = slash === -1 ? ref : ref.slice(slash + 1);
  const ns = slash === -1 ? namespace : ref.slice(0, slash);
  if (meta.name !== name) return false;
  return !ns || (meta.namespace ?? 'default') === ns || meta.namespace === ns;
}

function compare(
  test: string,
  spec: TestResultSpec,
  resourceRef: string,
  evaluated: Evaluated[],
  policyDocs: Map<string, JsonObject>,
  unsupportedPolicies: string[],
  rejected: PolicySet['rejected'],
): TestRow {
  const expected = spec.result ?? spec.status ?? '';
  const rule = spec.rule ?? '';
  const policyDoc = policyDocs.get(spec.policy);
  const isCelKind = (policyDoc !== undefined && !String(policyDoc.apiVersion ?? '').startsWith('kyverno.io/')) || spec.isValidatingPolicy || spec.isValidatingAdmissionPolicy || spec.isMutatingPolicy || spec.isMutatingAdmissionPolicy || spec.isGeneratingPolicy || spec.isImageValidatingPolicy || spec.isDeletingPolicy;
  const hasPatched = Boolean(spec.patchedResources ?? spec.patchedResource);
  const feature = isCelKind || (policyDoc && !String(policyDoc.apiVersion ?? '').startsWith('kyverno.io/'))
    ? String(policyDoc?.kind ?? 'unknown')
    : ruleFeature(findRule(policyDoc, rule), hasPatched);
  const row = (actual: ActualResult, reason: string, message?: string): TestRow => ({
    test, policy: spec.policy, rule, kind: spec.kind, resource: resourceRef, expected, actual,
    ok: actual === expected, reason, feature, ...(message !== undefined ? { message } : {}),
  });
  if (!policyDoc) return row('error', `policy ${spec.policy} not found in the test's policies`);
  const rejection = rejected.find((r) => r.name === spec.policy);
  if (rejection) return row('error', `policy rejected: ${rejection.issues.map((i) => `${i.path} ${i.code} ${i.message}`).join('; ')}`);
  if (unsupportedPolicies.includes(spec.policy)) return row('unsupported', `${String(policyDoc.kind)} policies are not supported yet`);
  if (!isCelKind && !findRule(policyDoc, rule)) return row('error', `rule ${rule} not found in policy ${spec.policy}`);
  if (['generate', 'verifyImages', 'manifests', 'assert'].includes(feature) || spec.generatedResource) {
    return row('unsupported', `${feature} rules are not supported yet`);
  }
  const hits = evaluated.filter((e) => resourceMatches(e.resource, spec.kind, resourceRef, spec.namespace) && forOperation(e.resource, spec));
  if (hits.length === 0) return row('notfound', `resource ${spec.kind}/${resourceRef} not found in the test's resources`);
  for (const hit of hits) {
    const response = hit.responses.find((r) => r.policy === spec.policy);
    if (!response) continue;
    const ruleResults = isCelKind ? response.results : response.results.filter((r) => r.rule === rule || r.rule === `autogen-${rule}` || r.rule === `autogen-cronjob-${rule}`);
    const first = ruleResults[0];
    if (!first) return row('skip', 'rule did not match the resource (excluded or not selected)');
    const actual = first.status;
    return row(actual, actual === expected ? 'Ok' : `Want ${expected}, got ${actual}`, first.message);
  }
  return row('notfound', `no response for policy ${spec.policy}`);
}

async function readPatched(specs: TestResultSpec[], dir: string, problems: string[]): Promise<Map<string, JsonObject[]>> {
  const out = new Map<string, JsonObject[]>();
  for (const file of new Set(specs.map((s) => s.patchedResources ?? s.patchedResource).filter((f): f is string => !!f))) {
    const r = await readDocs([file], dir);
    problems.push(...r.problems);
    out.set(file, r.docs);
  }
  return out;
}

/**
 * patchedResources: the resource after the named policy's mutations must equal the expected document
 * (for `result: fail`, it must differ), on top of the status comparison.
 */
function checkPatched(row: TestRow, spec: TestResultSpec, ref: string, evaluated: Evaluated[], patched: Map<string, JsonObject[]>): TestRow {
  const file = spec.patchedResources ?? spec.patchedResource;
  if (!file || row.actual === 'unsupported' || row.actual === 'notfound') return row;
  const docs = patched.get(file) ?? [];
  const expected = docs.find((d) => resourceMatches(d, spec.kind, ref, spec.namespace)) ?? docs[0];
  const hit = evaluated.find((e) => resourceMatches(e.resource, spec.kind, ref, spec.namespace));
  if (!hit) return row;
  const actual = hit.byPolicy.find((b) => b.policy === spec.policy)?.resource ?? hit.resource;
  const same = sameResource(actual, expected);
  const wantSame = (spec.result ?? spec.status) !== 'fail';
  // kyverno test: a patched resource that differs fails the check, and a failed check is what
  // `result: fail` expects — the rule's own status is not compared then.
  if (!wantSame && !same) return { ...row, ok: true, reason: 'Ok (the mutated resource differs, as expected)' };
  if (same === wantSame) return row;
  return { ...row, ok: false, reason: `Resource diff: the mutated resource ${same ? 'equals' : 'differs from'} ${file}` };
}

function policyRuleOf(set: PolicySet, policy: string): string {
  return set.classic.find((p) => p.name === policy)?.rules.find((r) => r.kind === 'mutate')?.name ?? '';
}
