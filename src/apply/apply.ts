/**
 * `guardrail apply` as a library: loads policies, resources, values, user info and exceptions, evaluates
 * every resource through the shared engine and returns one entry per resource. The CLI command only
 * parses flags and formats this report.
 */
import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';
import {
  buildPolicySet,
  admit,
  type EngineDeps,
  type Issue,
  type JsonObject,
  type JsonPatchOp,
  type PolicyResponse,
  type PolicySetOptions,
} from '../engine/index.js';
import { createParamLookup } from '../engine/cel-policies/index.js';
import { loadInputs, loadPolicies, type LoadedDocument } from '../policy/index.js';
import { buildResourceInput, createTestValues, type TestValues } from '../testrun/index.js';

export interface ApplyRequest {
  policies: string[];
  resources: string[];
  exceptions?: string[];
  valuesFile?: string;
  /** Objects that CEL policies' paramRef select (Kyverno CLI `paramResources`). */
  paramResources?: string[];
  userInfoFile?: string;
  /** Report failures of Audit rules as warnings (Kyverno's --audit-warn). */
  auditWarn?: boolean;
  now?: () => Date;
  policySetOptions?: PolicySetOptions;
  readStdin?: () => Promise<string>;
}

export interface ResourceRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  file: string;
  line: number;
}

export interface ApplyEntry {
  resource: ResourceRef;
  responses: PolicyResponse[];
  /** The resource after every mutate rule, when a rule changed it. */
  mutated?: JsonObject;
  /** RFC 6902 patch from the resource as read to `mutated`. */
  patches?: JsonPatchOp[];
}

export interface ApplyReport {
  entries: ApplyEntry[];
  /** Bad input: any issue makes the run exit 2. */
  issues: Issue[];
  policyCount: number;
}

async function readYamlFile(file: string, issues: Issue[]): Promise<JsonObject | undefined> {
  try {
    return (load(await readFile(file, 'utf8')) ?? {}) as JsonObject;
  } catch (err) {
    const e = err as { mark?: { line: number; column: number }; reason?: string; code?: string };
    issues.push({
      code: e.code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'YAML_PARSE',
      message: e.reason ?? (err instanceof Error ? err.message : String(err)),
      path: '',
      source: { file, line: (e.mark?.line ?? 0) + 1, col: (e.mark?.column ?? 0) + 1 },
    });
    return undefined;
  }
}

function refOf(doc: LoadedDocument): ResourceRef {
  const v = doc.value as JsonObject;
  const meta = (v.metadata ?? {}) as JsonObject;
  return {
    apiVersion: String(v.apiVersion ?? ''),
    kind: String(v.kind ?? ''),
    ...(typeof meta.namespace === 'string' ? { namespace: meta.namespace } : {}),
    name: String(meta.name ?? meta.generateName ?? ''),
    file: doc.file,
    line: doc.line,
  };
}

export async function applyPolicies(req: ApplyRequest): Promise<ApplyReport> {
  const loadOpts = req.readStdin ? { readStdin: req.readStdin } : {};
  const pol = await loadPolicies(req.policies, loadOpts);
  const exc = await loadPolicies(req.exceptions ?? []);
  const res = await loadInputs(req.resources, { positions: 'start', ...loadOpts });
  const issues: Issue[] = [...pol.issues, ...exc.issues, ...res.issues];
  let values: TestValues = createTestValues(undefined);
  if (req.valuesFile) values = createTestValues(await readYamlFile(req.valuesFile, issues));
  const userInfo = req.userInfoFile ? ((await readYamlFile(req.userInfoFile, issues)) ?? {}) : {};
  const set = buildPolicySet([...pol.docs, ...exc.docs].map((d) => d.value as JsonObject), req.policySetOptions);
  for (const r of set.rejected) {
    for (const i of r.issues) issues.push({ ...i, message: `${r.kind} ${r.name}: ${i.message}` });
  }
  const params = await loadInputs(req.paramResources ?? [], { positions: 'start' });
  issues.push(...params.issues);
  const deps: EngineDeps = {
    now: req.now ?? (() => new Date()),
    values,
    ...(params.docs.length > 0 ? { paramLookup: createParamLookup(params.docs.map((d) => d.value)) } : {}),
  };
  const entries: ApplyEntry[] = [];
  for (const doc of res.docs) {
    const resource = doc.value as JsonObject;
    const ref = refOf(doc);
    const input = buildResourceInput(resource, values, userInfo, [...set.classic.map((p) => p.name), ...set.handlers.map((h) => h.name)]);
    const outcome = await admit(set, input, deps);
    const responses = outcome.responses;
    if (req.auditWarn) {
      for (const r of responses) for (const rr of r.results) if (rr.status === 'fail' && rr.action === 'Audit') rr.status = 'warn';
    }
    const entry: ApplyEntry = { resource: ref, responses };
    if (outcome.patches.length > 0 && outcome.patched) {
      entry.mutated = outcome.patched;
      entry.patches = outcome.patches;
    }
    entries.push(entry);
  }
  return { entries, issues, policyCount: set.classic.length + set.handlers.length };
}

/** Counts results by status across the report. */
export function countResults(report: ApplyReport): Record<'pass' | 'fail' | 'warn' | 'error' | 'skip', number> {
  const c = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  for (const e of report.entries) for (const r of e.responses) for (const rr of r.results) c[rr.status]++;
  return c;
}
