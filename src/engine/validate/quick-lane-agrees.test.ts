/**
 * The quick lane answers exactly what the full evaluation answers: every validate policy of the
 * conformance corpus (../shared/conformance, read only), policies/ and examples/pod-security, compiled
 * twice (one copy with its quick lanes, one without), evaluated on the resources beside it and on seeded
 * variants of them (fields removed, values changed to the rule's own words and to other types), as CREATE
 * and as UPDATE. Results must be equal field for field; how many the lanes answered is printed.
 * The webhook's admitNow, which walks the set's per-kind plans, answers what admit() answers.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readYamlObjects, yamlFilesUnder } from '../../../test/support/yaml-objects.js';
import { compilePolicy } from '../compile.js';
import type { CompiledPolicy } from '../compiled.js';
import { evaluatePolicy } from '../evaluate.js';
import { inputFromResource } from '../input-from-resource.js';
import { admit, admitNow, buildPolicySet } from '../policy-set.js';
import type { JsonObject, KyvernoPolicy } from '../policy-types.js';
import type { RuleResult } from '../result.js';
import { variants, vocabulary } from '../test-support/index.js';
import { quickLaneOf, setQuickLaneEnabled } from './quick-lane.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = process.env.GUARDRAIL_CONFORMANCE ?? path.resolve(repo, '../shared/conformance');
const deps = { now: () => new Date(Date.UTC(2026, 0, 1)) };

const isPolicy = (d: Record<string, unknown>): boolean => ['ClusterPolicy', 'Policy'].includes(String(d.kind)) && String(d.apiVersion).startsWith('kyverno.io/');
const isResource = (d: Record<string, unknown>): boolean =>
  !isPolicy(d) && typeof d.kind === 'string' && typeof d.apiVersion === 'string' && !String(d.apiVersion).startsWith('cli.kyverno.io') && typeof d.metadata === 'object';

interface Group {
  file: string;
  policies: Array<Record<string, unknown>>;
  resources: JsonObject[];
}

/** Every policy file with the resources in its folder and below. */
function loadGroups(roots: string[]): Group[] {
  const docs = new Map<string, Array<Record<string, unknown>>>();
  for (const root of roots.filter((r) => existsSync(r) && statSync(r).isDirectory())) for (const f of yamlFilesUnder(root)) docs.set(f, readYamlObjects(f));
  const groups: Group[] = [];
  for (const [file, list] of docs) {
    const policies = list.filter((d) => isPolicy(d) && JSON.stringify(d).includes('"validate"'));
    if (policies.length === 0) continue;
    const dir = path.dirname(file) + path.sep;
    const resources = [...docs].filter(([f]) => f.startsWith(dir)).flatMap(([, d]) => d.filter(isResource)) as JsonObject[];
    if (resources.length > 0) groups.push({ file, policies, resources });
  }
  return groups;
}

function compileTwice(doc: Record<string, unknown>): [CompiledPolicy, CompiledPolicy] | undefined {
  const a = compilePolicy(doc as unknown as KyvernoPolicy);
  const b = compilePolicy(doc as unknown as KyvernoPolicy);
  if (!a.ok || !b.ok) return undefined;
  // The second copy's rules are fixed to "no lane" before anything evaluates them.
  setQuickLaneEnabled(false);
  try {
    for (const r of b.policy.rules) quickLaneOf(b.policy.name, r);
  } finally {
    setQuickLaneEnabled(true);
  }
  return [a.policy, b.policy];
}

describe.runIf(existsSync(corpus))('the quick lane agrees with the full evaluation', () => {
  const groups = loadGroups([path.join(corpus, 'policies'), path.join(corpus, 'kyverno-cli'), path.join(repo, 'policies'), path.join(repo, 'examples', 'pod-security')]);

  it('finds the corpus policies', () => {
    expect(groups.length).toBeGreaterThan(30);
  });

  it('gives the same results on the corpus resources and their variants, CREATE and UPDATE', async () => {
    const mismatches: string[] = [];
    let results = 0;
    let byLane = 0;
    let seed = 7;
    for (const g of groups) {
      for (const doc of g.policies) {
        const pair = compileTwice(doc);
        if (!pair) continue;
        const [withLanes, without] = pair;
        const words = new Set<unknown>();
        const keys = new Set<string>();
        vocabulary((doc.spec as { rules?: unknown }).rules, words, keys);
        for (const resource of g.resources) {
          const targets = [resource, ...(variants(resource, [...words], [...keys], 12, seed++) as JsonObject[])];
          for (const target of targets) {
            for (const operation of ['CREATE', 'UPDATE'] as const) {
              const input = inputFromResource(target, operation === 'UPDATE' ? { operation, oldObject: resource } : { operation });
              const fast: RuleResult[] = await evaluatePolicy(withLanes, input, deps);
              const full: RuleResult[] = await evaluatePolicy(without, input, deps);
              results += fast.length;
              byLane += fast.filter((r) => Object.isFrozen(r)).length;
              if (JSON.stringify(fast) !== JSON.stringify(full) && mismatches.length < 10) {
                mismatches.push(`${g.file} ${operation}: ${JSON.stringify(fast)} vs ${JSON.stringify(full)} on ${JSON.stringify(target).slice(0, 300)}`);
              }
            }
          }
        }
      }
    }
    console.log(`quick lane: ${byLane} of ${results} rule results answered by the lanes (${groups.length} policy files)`);
    expect(mismatches).toEqual([]);
    expect(byLane).toBeGreaterThan(1000);
  }, 600_000);

  it('admitNow (per-kind plans, shared outcomes) answers what admit() answers, for every policy file', async () => {
    const mismatches: string[] = [];
    let compared = 0;
    let seed = 11;
    for (const g of groups) {
      const set = buildPolicySet(g.policies);
      if (set.classic.some((p) => p.rules.some((r) => r.kind === 'mutate'))) continue;
      for (const resource of g.resources) {
        for (const target of [resource, ...(variants(resource, [], [], 4, seed++) as JsonObject[])]) {
          for (const operation of ['CREATE', 'UPDATE'] as const) {
            const input = inputFromResource(target, operation === 'UPDATE' ? { operation, oldObject: resource } : { operation });
            const now = (await admitNow(set, input, deps)).responses;
            const slow = (await admit(set, input, deps)).responses;
            compared++;
            if (JSON.stringify(now) !== JSON.stringify(slow) && mismatches.length < 10) mismatches.push(`${g.file} ${operation}: ${JSON.stringify(now)} vs ${JSON.stringify(slow)}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  }, 600_000);
});
