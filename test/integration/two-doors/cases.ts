/**
 * The conformance cases both doors can take: Kyverno test files whose policies are classic
 * ClusterPolicy/Policy with validate rules only, and whose inputs are plain resources (no values, user
 * info, exceptions, params or cluster resources: those are CLI-only inputs a webhook never receives).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadAll } from 'js-yaml';
import { discoverTests, type TestSpec } from '../../../src/testrun/index.js';

export interface DoorCase {
  name: string;
  testFile: string;
  policies: string[];
  resources: string[];
}

/** GUARDRAIL_CONFORMANCE, else ../shared/conformance next to the repository; undefined when absent. */
export function conformanceRoot(): string | undefined {
  const root = process.env.GUARDRAIL_CONFORMANCE ?? new URL('../../../../shared/conformance', import.meta.url).pathname;
  return existsSync(root) ? root : undefined;
}

const CLI_ONLY = ['variables', 'userinfo', 'exceptions', 'paramResources', 'clusterResources', 'context', 'targetResources', 'jsonPayloads'] as const;
const OTHER_RULE_TYPES = ['mutate', 'generate', 'verifyImages'] as const;

function isValidateOnlyClassic(doc: unknown): boolean {
  const d = doc as { apiVersion?: string; kind?: string; spec?: { rules?: Array<Record<string, unknown>> } } | null;
  if (!d || !String(d.apiVersion ?? '').startsWith('kyverno.io/') || !['ClusterPolicy', 'Policy'].includes(String(d.kind))) return false;
  const rules = d.spec?.rules ?? [];
  return rules.length > 0 && rules.every((r) => r.validate !== undefined && OTHER_RULE_TYPES.every((t) => r[t] === undefined));
}

function readDocs(file: string): unknown[] | undefined {
  try {
    return loadAll(readFileSync(file, 'utf8')).filter((d) => d !== null && d !== undefined);
  } catch {
    return undefined;
  }
}

export async function selectCases(root: string): Promise<{ cases: DoorCase[]; skipped: number }> {
  const cases: DoorCase[] = [];
  let skipped = 0;
  for (const testFile of await discoverTests(root)) {
    const spec = (readDocs(testFile)?.[0] ?? {}) as TestSpec;
    const dir = dirname(testFile);
    const policies = (spec.policies ?? []).map((p) => resolve(dir, p));
    const resources = (spec.resources ?? []).map((r) => resolve(dir, r));
    const plain = CLI_ONLY.every((k) => spec[k] === undefined || (Array.isArray(spec[k]) && spec[k].length === 0));
    const local = [...policies, ...resources].every((f) => !/^https?:/.test(f) && existsSync(f));
    const docs = local ? policies.flatMap((p) => readDocs(p) ?? [null]) : [];
    if (plain && local && policies.length > 0 && resources.length > 0 && docs.length > 0 && docs.every(isValidateOnlyClassic)) {
      cases.push({ name: testFile.slice(root.length + 1), testFile, policies, resources });
    } else {
      skipped++;
    }
  }
  return { cases, skipped };
}
