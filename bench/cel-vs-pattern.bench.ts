/**
 * CEL vs pattern benchmark (issue 3). Run: `node --import tsx bench/cel-vs-pattern.bench.ts`
 * (`--quick` for fewer iterations, `--check` to exit 1 when a goal is missed).
 *
 * The same eight pod-security policies of the corpus in three forms, each compiled once by
 * buildPolicySet (defaultPolicySetOptions, as the CLI and webhook build them) and evaluated by
 * evaluatePolicySet on the same resources:
 *   - pattern:      policies/pod-security/{baseline,restricted} (ClusterPolicy validate.pattern/deny)
 *   - validate.cel: policies/pod-security-cel (ClusterPolicy validate.cel)
 *   - vpol:         policies/pod-security-vpol (ValidatingPolicy)
 * Every call gets a freshly parsed resource (as each admission request does), so no form profits from
 * per-object caches; the parse alone is measured as a baseline and subtracted for the "net" ratio.
 * Subjects are interleaved in rounds of 100 calls; the whole measurement repeats ROUNDS times and the
 * table shows the median of the per-round medians. Goal: CEL no slower than 1.5x pattern (net p50).
 */
import path from 'node:path';
import { buildPolicySet, evaluatePolicySet, inputFromResource, type EngineDeps, type JsonObject, type PolicySet } from '../src/engine/index.js';
import { defaultPolicySetOptions } from '../src/policies-engine.js';
import { CorpusMissingError, findConformance } from './lib/corpus.js';
import { deployment, loadYamlDocs } from './lib/fixtures.js';
import { policyFiles } from './lib/policy-files.js';
import { formatTable, ms } from './lib/table.js';
import { measureInterleaved } from './lib/timing.js';

const GOAL_RATIO = 1.5;
const args = new Set(process.argv.slice(2));
const ITERATIONS = args.has('--quick') ? 1_000 : 5_000;
const WARMUP = args.has('--quick') ? 300 : 1_500;
const ROUNDS = args.has('--quick') ? 3 : 5;
const deps: EngineDeps = { now: () => new Date(Date.UTC(2025, 0, 1)) };

let corpus: string;
try {
  corpus = findConformance();
} catch (err) {
  if (err instanceof CorpusMissingError) {
    console.error(`bench: ${err.message}`);
    process.exit(2);
  }
  throw err;
}

const FORMS = {
  pattern: ['pod-security/baseline', 'pod-security/restricted'],
  'validate.cel': ['pod-security-cel'],
  vpol: ['pod-security-vpol'],
} as const;
type Form = keyof typeof FORMS;

function buildForm(dirs: readonly string[]): PolicySet {
  const files = dirs.flatMap((d) => policyFiles(path.join(corpus, 'policies', d)));
  const set = buildPolicySet(loadYamlDocs(files), defaultPolicySetOptions());
  if (set.rejected.length > 0) throw new Error(`bench: rejected policies in ${dirs.join(', ')}: ${JSON.stringify(set.rejected)}`);
  if (files.length !== 8) throw new Error(`bench: expected 8 policy files in ${dirs.join(', ')}, found ${files.length}`);
  return set;
}

function podOf(d: JsonObject): JsonObject {
  const template = (d.spec as { template: { metadata: JsonObject; spec: JsonObject } }).template;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { ...template.metadata, name: 'web-0', namespace: 'shop' }, spec: template.spec };
}

const RESOURCES: Record<string, string> = {
  'Pod, compliant': JSON.stringify(podOf(deployment(false))),
  'Pod, violating': JSON.stringify(podOf(deployment(true))),
  'Deployment, compliant': JSON.stringify(deployment(false)),
  'Deployment, violating': JSON.stringify(deployment(true)),
};

async function statuses(set: PolicySet, body: string): Promise<string> {
  const c: Record<string, number> = {};
  for (const r of await evaluatePolicySet(set, inputFromResource(JSON.parse(body) as JsonObject), deps)) {
    for (const rr of r.results) c[rr.status] = (c[rr.status] ?? 0) + 1;
  }
  return Object.entries(c).sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'no results';
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const sets = Object.fromEntries(Object.entries(FORMS).map(([form, dirs]) => [form, buildForm(dirs)])) as Record<Form, PolicySet>;
console.log(`corpus: ${corpus}; node ${process.version}; ${ITERATIONS} iterations x ${ROUNDS} rounds after ${WARMUP} warm-up`);
for (const [name, body] of Object.entries(RESOURCES)) {
  const counts = await Promise.all((Object.keys(FORMS) as Form[]).map(async (f) => `${f}: ${await statuses(sets[f], body)}`));
  console.log(`  ${name}: ${counts.join('; ')}`);
}

const rows: string[][] = [];
let worst = 0;
for (const [name, body] of Object.entries(RESOURCES)) {
  const subjects: Record<string, () => unknown> = { parse: () => JSON.parse(body) };
  for (const f of Object.keys(FORMS) as Form[]) subjects[f] = () => evaluatePolicySet(sets[f], inputFromResource(JSON.parse(body) as JsonObject), deps);
  const p50s: Record<string, number[]> = {};
  const p99s: Record<string, number[]> = {};
  for (let r = 0; r < ROUNDS; r++) {
    const lat = await measureInterleaved(subjects, { warmup: r === 0 ? WARMUP : 0, iterations: ITERATIONS });
    for (const [s, l] of Object.entries(lat)) {
      (p50s[s] ??= []).push(l.p50);
      (p99s[s] ??= []).push(l.p99);
    }
  }
  const parse = median(p50s.parse!);
  const pattern = median(p50s.pattern!);
  for (const f of Object.keys(FORMS) as Form[]) {
    const p50 = median(p50s[f]!);
    const ratio = p50 / pattern;
    const net = (p50 - parse) / (pattern - parse);
    if (f !== 'pattern') worst = Math.max(worst, net);
    rows.push([name, f, ms(p50), ms(median(p99s[f]!)), `${ratio.toFixed(2)}x`, `${net.toFixed(2)}x`, f === 'pattern' ? '' : net <= GOAL_RATIO ? 'OK' : 'MISS']);
  }
  rows.push([name, '(JSON.parse only)', ms(parse), ms(median(p99s.parse!)), '', '', '']);
}
console.log('\n' + formatTable(['resource', 'form', 'p50', 'p99', 'p50 / pattern', 'net of parse', `goal <= ${GOAL_RATIO}x`], rows));
console.log(`\nworst CEL net ratio: ${worst.toFixed(2)}x (goal <= ${GOAL_RATIO}x) ${worst <= GOAL_RATIO ? 'OK' : 'MISS'}`);
if (worst > GOAL_RATIO && args.has('--check')) process.exitCode = 1;
